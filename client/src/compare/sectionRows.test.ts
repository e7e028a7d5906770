import { describe, expect, it } from 'vitest';
import { sectionRows, sectionsOf } from './sectionRows.ts';

const heading = (text: string) => ({
  type: 'heading',
  attrs: { level: 2 },
  content: [{ type: 'text', text }],
});
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const headings = (rows: ReturnType<typeof sectionRows>) =>
  rows.map((row) => [row.left?.heading, row.right?.heading]);

describe('sectionsOf', () => {
  it('cuts before each heading, keeping what comes before the first', () => {
    const sections = sectionsOf(
      doc(paragraph('intro'), heading('Aims'), paragraph('a'), paragraph('b')),
    );
    expect(sections.map((s) => [s.heading, s.blocks.length])).toEqual([
      [null, 1],
      ['Aims', 3],
    ]);
    expect(sectionsOf(doc())).toEqual([]);
  });
});

describe('sectionRows', () => {
  it('puts the same heading on the same line, a section only one guide has beside nothing', () => {
    const left = doc(heading('Aims'), paragraph('x'), heading('Steps'), heading('Sources'));
    const right = doc(
      heading('Aims'),
      heading('Risks'),
      heading('Steps'),
      paragraph('y'),
      heading('Sources'),
    );
    expect(headings(sectionRows(left, right))).toEqual([
      ['Aims', 'Aims'],
      [undefined, 'Risks'],
      ['Steps', 'Steps'],
      ['Sources', 'Sources'],
    ]);
  });

  it('pairs sections in order where headings differ (one template in two languages)', () => {
    const left = doc(paragraph('intro'), heading('Aims'), heading('Steps'));
    const right = doc(
      paragraph('مقدمة'),
      heading('الأهداف'),
      heading('الخطوات'),
      heading('المصادر'),
    );
    expect(headings(sectionRows(left, right))).toEqual([
      [null, null],
      ['Aims', 'الأهداف'],
      ['Steps', 'الخطوات'],
      [undefined, 'المصادر'],
    ]);
  });

  it('gives every block of both guides exactly once', () => {
    const left = doc(paragraph('a'), heading('H'), paragraph('b'));
    const right = doc(heading('H'), paragraph('c'), heading('K'));
    const rows = sectionRows(left, right);
    expect(rows.flatMap((row) => row.left?.blocks ?? [])).toEqual(left.content);
    expect(rows.flatMap((row) => row.right?.blocks ?? [])).toEqual(right.content);
  });
});
