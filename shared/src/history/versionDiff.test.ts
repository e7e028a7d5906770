import { describe, expect, it } from 'vitest';
import { diffMarkup, markupToHtml } from './diffMarkup.ts';
import { diffSequences } from './sequenceDiff.ts';
import { diffVersions } from './versionDiff.ts';

const paragraph = (text: string, dir?: 'rtl') => ({
  type: 'paragraph',
  ...(dir ? { attrs: { dir } } : {}),
  content: text ? [{ type: 'text', text }] : [],
});
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const labels = { inserted: 'inserted', deleted: 'deleted', emptyBlock: 'empty line' };

/** Applies an edit script to `a`, which must give `b`: the script is a real one. */
function replay<T>(a: T[], b: T[]): T[] {
  const out: T[] = [];
  for (const run of diffSequences(a, b, (x, y) => x === y)) {
    if (run.kind === 'same') out.push(...a.slice(run.a, run.a + run.count));
    if (run.kind === 'ins') out.push(...b.slice(run.b, run.b + run.count));
  }
  return out;
}

describe('diffSequences', () => {
  it('gives an edit script that turns one sequence into the other, minimal in edits', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const a = Array.from(
        { length: Math.floor(random() * 30) },
        () => 'abc'[Math.floor(random() * 3)]!,
      );
      const b = Array.from(
        { length: Math.floor(random() * 30) },
        () => 'abc'[Math.floor(random() * 3)]!,
      );
      expect(replay(a, b)).toEqual(b);
    }
    const runs = diffSequences([...'kitten'], [...'sitting'], (x, y) => x === y);
    const edits = runs.filter((r) => r.kind !== 'same').reduce((n, r) => n + r.count, 0);
    expect(edits).toBe(5); // k→s, e→i (two each), + g
  });

  it('stays correct past its work limit (coarse, not wrong)', () => {
    const a = Array.from({ length: 300 }, (_, i) => i);
    const b = Array.from({ length: 300 }, (_, i) => i + 1000);
    const runs = diffSequences(a, b, (x, y) => x === y, 10);
    expect(runs.map((r) => r.kind)).toEqual(['del', 'ins']);
  });
});

describe('diffVersions', () => {
  it('marks words written and removed inside a paragraph, and whole new paragraphs', () => {
    const before = doc(paragraph('The committee meets on Monday.'), paragraph('Unchanged.'));
    const after = doc(
      paragraph('The committee meets every Tuesday.'),
      paragraph('Unchanged.'),
      paragraph('A new step.'),
    );
    const diff = diffVersions(before, after);
    expect(diff.blocks.map((b) => b.status)).toEqual(['changed', 'same', 'inserted']);
    expect(diff.blocks[0]!.segments).toEqual([
      { kind: 'same', text: 'The committee meets ' },
      { kind: 'del', text: 'on Monday' },
      { kind: 'ins', text: 'every Tuesday' },
      { kind: 'same', text: '.' },
    ]);
    expect(diff.inserted).toBe('every Tuesday'.length + 'A new step.'.length);
    expect(diff.deleted).toBe('on Monday'.length);
  });

  it('renders <ins> and <del> with words a screen reader says, keeping the direction', () => {
    const before = doc(paragraph('مرحبا بكم', 'rtl'), paragraph('Gone <script>'));
    const after = doc(paragraph('مرحبا بكم جميعا', 'rtl'));
    const html = markupToHtml(diffMarkup(diffVersions(before, after).blocks, labels));
    expect(html).toContain('<p class="diff-block diff-changed" dir="rtl">مرحبا بكم');
    expect(html).toContain(
      '<ins class="diff-ins"><span class="visually-hidden">inserted </span> جميعا</ins>',
    );
    expect(html).toContain(
      '<del class="diff-del"><span class="visually-hidden">deleted </span>Gone &lt;script&gt;</del>',
    );
  });

  it('shows a citation cited, uncited or swapped whole, by its title, counting no characters', () => {
    const cite = (practiceId: string) => ({ type: 'practiceCitation', attrs: { practiceId } });
    const before = doc(paragraph('Intro'), cite('ghana'), cite('kenya'));
    const after = doc(paragraph('Intro'), cite('chile'), cite('kenya'), cite('jordan'));
    const diff = diffVersions(before, after);
    expect(diff).toMatchObject({ inserted: 0, deleted: 0 });
    expect(diff.blocks.map((block) => [block.tag, block.status])).toEqual([
      ['p', 'same'],
      ['cite', 'deleted'],
      ['cite', 'inserted'],
      ['cite', 'same'],
      ['cite', 'inserted'],
    ]);
    const titles: Record<string, string> = { ghana: 'Open <budget>', chile: 'Remote votes' };
    const html = markupToHtml(
      diffMarkup(diff.blocks, { ...labels, citation: (id) => titles[id] ?? `(${id})` }),
    );
    expect(html).toContain(
      '<del class="diff-del"><span class="visually-hidden">deleted </span><span class="diff-cite">Open &lt;budget&gt;</span></del>',
    );
    expect(html).toContain('<span class="diff-cite">Remote votes</span></ins>');
    expect(html).toContain(
      '<p class="diff-block diff-same" dir="auto"><span class="diff-cite">(kenya)</span></p>',
    );
    expect(diffVersions(after, after).blocks.every((block) => block.status === 'same')).toBe(true);
  });

  it('finds nothing between equal versions, and reads hostile JSON without throwing', () => {
    const same = doc(paragraph('x'), {
      type: 'heading',
      attrs: { level: 1 },
      content: [{ type: 'text', text: 'T' }],
    });
    expect(diffVersions(same, same)).toMatchObject({ inserted: 0, deleted: 0 });
    expect(diffVersions(null, { content: 'nope' }).blocks).toEqual([]);
  });
});

describe('diffVersions on blocks with line breaks', () => {
  it('compares line by line, then word by word, and the segments rebuild both texts', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `Line ${i} of the pasted text.\n`);
    const changed = [...lines];
    changed[10] = 'Line 10 of the edited text.\n';
    changed.splice(200, 1);
    changed.push('A last line.');
    const before = doc(paragraph(lines.join('')));
    const after = doc(paragraph(changed.join('')));
    const [block] = diffVersions(before, after).blocks;
    const text = (skip: string) =>
      block!.segments
        .filter((s) => s.kind !== skip)
        .map((s) => s.text)
        .join('');
    expect(text('ins')).toBe(lines.join(''));
    expect(text('del')).toBe(changed.join(''));
    const changes = block!.segments.filter((s) => s.kind !== 'same');
    expect(changes).toEqual([
      { kind: 'del', text: 'pasted' },
      { kind: 'ins', text: 'edited' },
      { kind: 'del', text: 'Line 200 of the pasted text.\n' },
      { kind: 'ins', text: 'A last line.' },
    ]);
  });
});
