// The CSV writer's own rules, on cells the server's checks never let through (a leading tab or
// carriage return is trimmed from questions) but an older row or a future field might hold.
import { describe, expect, it } from 'vitest';
import type { SessionInteraction } from '@draftroom/shared';
import { parseCsv } from '../conference/csv.ts';
import { interactionCsv } from './interactionCsv.ts';

const viewWith = (texts: string[], author: string): SessionInteraction => ({
  sessionId: 's',
  moderated: false,
  canModerate: true,
  canTakePart: true,
  questions: texts.map((text, index) => ({
    id: `q${index}`,
    text,
    author,
    anonymous: false,
    mine: false,
    status: 'approved',
    pinned: false,
    votes: index,
    votedByMe: false,
    createdAt: '2026-12-01T10:00:00.000Z',
  })),
  hiddenCount: 0,
  pendingCount: 0,
  polls: [],
});

describe('interactionCsv', () => {
  it('puts a quote before every cell a spreadsheet would read as a formula', () => {
    const formulas = ['=1+1', '+1', '-1', '@A1', '\tx', '\rx', '=cmd|"/c calc"!A0'];
    const bytes = interactionCsv(viewWith(formulas, '=HYPERLINK("http://evil")'));
    const rows = parseCsv(new TextDecoder().decode(bytes)).slice(1);
    expect(rows.map((row) => row.cells[3])).toEqual(formulas.map((text) => `'${text}`));
    for (const row of rows) expect(row.cells[10]).toBe(`'=HYPERLINK("http://evil")`);
  });

  it('quotes a multi-line question (RFC 4180) and leaves plain text alone', () => {
    const text = new TextDecoder().decode(
      interactionCsv(viewWith(['Line one\nline two', 'a, "b"', 'عربي'], 'Name')),
    );
    expect(text).toContain('"Line one\nline two"');
    expect(text).toContain('"a, ""b"""');
    const rows = parseCsv(text).slice(1);
    expect(rows.map((row) => row.cells[3])).toEqual(['Line one\nline two', 'a, "b"', 'عربي']);
  });
});
