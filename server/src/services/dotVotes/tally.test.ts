import { describe, expect, it } from 'vitest';
import { guideItems } from './guideItems.ts';
import { checkAllocation, tally } from './tally.ts';

const vote = { id: 'v1', items: ['A', 'B', 'C'], dots: 3 };

describe('checkAllocation', () => {
  it.each([
    [[1, 1, 1], true],
    [[3, 0, 0], true],
    [[0, 0, 0], true],
    [[2, 2, 0], false], // over N
    [[1, 1], false], // a count missing
    [[1, 0, 0, 0], false], // one too many
    [[-1, 2, 1], false],
    [[0.5, 0, 0], false],
  ])('%j fits a vote of 3 dots on 3 items: %s', (dots, fits) => {
    expect('dots' in checkAllocation(vote, dots)).toBe(fits);
  });
});

describe('tally', () => {
  it('adds allocations of this vote, counts voters with a dot, skips what does not fit', () => {
    const result = tally(vote, [
      { voteId: 'v1', dots: [1, 2, 0] },
      { voteId: 'v1', dots: [0, 0, 3] },
      { voteId: 'v1', dots: [0, 0, 0] }, // took every dot back
      { voteId: 'v1', dots: [3, 3, 3] }, // over N: never written, counts for nothing
      { voteId: 'v2', dots: [1, 1, 1] }, // another vote's
    ]);
    expect(result).toEqual({ voters: 2, totals: [1, 2, 3] });
  });
});

const h = (level: number, text: string) => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});
const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const li = (...content: unknown[]) => ({ type: 'listItem', content });

describe('guideItems', () => {
  const doc = {
    type: 'doc',
    content: [
      h(1, 'Title'),
      h(2, 'Practices'),
      {
        type: 'bulletList',
        content: [li(p('One'), { type: 'bulletList', content: [li(p('One, nested'))] }), li(p(''))],
      },
      h(3, 'Sub'),
      { type: 'orderedList', content: [li(p('Two'), p('continued'))] },
      h(2, 'Other'),
      { type: 'bulletList', content: [li(p('x'.repeat(250)))] },
    ],
  };

  it('takes headings but the opening title as sections', () => {
    expect(guideItems(doc, 'sections')).toEqual({ items: ['Practices', 'Sub', 'Other'] });
  });

  it('takes list items (nested ones apart, empty ones not), within a section up to its level', () => {
    expect(guideItems(doc, 'items', 'practices')).toEqual({
      items: ['One', 'One, nested', 'Two continued'],
    });
    const all = guideItems(doc, 'items');
    expect('items' in all && all.items.at(-1)).toHaveLength(200);
    expect(guideItems(doc, 'items', 'Missing')).toEqual({ problem: 'noSection' });
  });
});
