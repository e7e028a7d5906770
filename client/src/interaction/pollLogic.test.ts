import { describe, expect, it } from 'vitest';
import { maxPollOptions } from '@draftroom/shared';
import {
  addOptionRow,
  moveItem,
  percentOf,
  pollChanges,
  removeOptionRow,
  resultRows,
  toCreatePollRequest,
  toWordBallot,
  wordSizeStep,
} from './pollLogic.ts';

describe('poll form check', () => {
  it('sends a choice poll with its options, spare empty rows left out', () => {
    const mapped = toCreatePollRequest({
      kind: 'single',
      question: '  Which first? ',
      options: ['Open data', 'Streaming', ''],
    });
    expect(mapped).toEqual({
      ok: true,
      request: { kind: 'single', question: 'Which first?', options: ['Open data', 'Streaming'] },
    });
  });

  it('sends a word cloud without options, whatever the rows hold', () => {
    const mapped = toCreatePollRequest({
      kind: 'words',
      question: 'One word?',
      options: ['x', ''],
    });
    expect(mapped).toEqual({
      ok: true,
      request: { kind: 'words', question: 'One word?', options: [] },
    });
  });

  it('wants a question, two options, and options that differ (case aside)', () => {
    const empty = toCreatePollRequest({ kind: 'ranking', question: ' ', options: ['A', ''] });
    expect(empty.ok).toBe(false);
    if (empty.ok) return;
    expect(empty.problems.question).toEqual({ field: { key: 'required' } });
    // The second row is one of the two needed: it is marked itself.
    expect(empty.problems.options).toEqual({
      rows: [undefined, { key: 'required' }],
      list: 'tooFew',
    });
    const same = toCreatePollRequest({
      kind: 'multiple',
      question: 'Q',
      options: ['Trust', 'trust'],
    });
    expect(same.ok || same.problems.options).toEqual({
      rows: [undefined, undefined],
      list: 'duplicate',
    });
  });

  it('refuses text the server would refuse: too long, invisible, direction controls', () => {
    const mapped = toCreatePollRequest({
      kind: 'single',
      question: 'x'.repeat(301),
      options: ['Hidden \u202Eevil', '\u200B'],
    });
    expect(mapped.ok || mapped.problems).toEqual({
      question: { field: { key: 'tooLong', values: { count: 300 } } },
      options: {
        rows: [{ key: 'directionControl' }, { key: 'noVisibleCharacters' }],
        list: undefined,
      },
    });
  });

  it('adds rows up to twelve and removes them down to two', () => {
    let rows = ['a', 'b'];
    expect(removeOptionRow(rows, 0)).toEqual(['a', 'b']);
    for (let i = 0; i < 20; i += 1) rows = addOptionRow(rows);
    expect(rows).toHaveLength(maxPollOptions);
    expect(removeOptionRow(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });
});

describe('word ballot check', () => {
  it('takes one to three words, empty boxes left out', () => {
    expect(toWordBallot(['', ' Trust ', ''])).toEqual({ ok: true, request: { words: ['Trust'] } });
  });
  it('wants at least one word and none over 40 characters', () => {
    expect(toWordBallot(['', '', ''])).toEqual({
      ok: false,
      problems: { words: [{ key: 'required' }, undefined, undefined] },
    });
    const long = toWordBallot(['ok', 'x'.repeat(41), '']);
    expect(long.ok || long.problems.words?.[1]).toEqual({ key: 'tooLong', values: { count: 40 } });
  });
});

describe('results', () => {
  it('gives whole percentages of the people who voted (0 when nobody did)', () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(3, 3)).toBe(100);
  });

  it('lists each option with votes, share and ranking points', () => {
    const rows = resultRows({
      options: ['A', 'B', 'C'],
      ballots: 2,
      results: { votes: [1, 1, 0], points: [5, 5, 2], words: null },
    });
    expect(rows).toEqual([
      { option: 'A', votes: 1, percent: 50, points: 5 },
      { option: 'B', votes: 1, percent: 50, points: 5 },
      { option: 'C', votes: 0, percent: 0, points: 2 },
    ]);
    expect(resultRows({ options: ['A'], ballots: 0, results: null })).toEqual([]);
  });

  it('sizes words in five steps between the least and the most given', () => {
    expect(wordSizeStep(1, 1, 9)).toBe(1);
    expect(wordSizeStep(5, 1, 9)).toBe(3);
    expect(wordSizeStep(9, 1, 9)).toBe(5);
    expect(wordSizeStep(2, 2, 2)).toBe(3);
  });
});

describe('ranking moves', () => {
  it('moves an item one place up or down, and not past either end', () => {
    expect(moveItem([0, 1, 2], 2, -1)).toEqual([0, 2, 1]);
    expect(moveItem([0, 1, 2], 0, 1)).toEqual([1, 0, 2]);
    expect(moveItem([0, 1, 2], 0, -1)).toEqual([0, 1, 2]);
    expect(moveItem([0, 1, 2], 2, 1)).toEqual([0, 1, 2]);
  });
});

describe('what the room hears', () => {
  const poll = (id: string, status: 'draft' | 'open' | 'closed', revealed = false) => ({
    id,
    status,
    revealed,
  });
  it('says nothing about the first view, then each open, close, reveal and hide', () => {
    expect(pollChanges(null, [poll('a', 'open')])).toEqual([]);
    expect(pollChanges([poll('a', 'draft')], [poll('a', 'open')])).toEqual([
      { id: 'a', change: 'opened' },
    ]);
    expect(pollChanges([], [poll('b', 'open')])).toEqual([{ id: 'b', change: 'opened' }]);
    expect(pollChanges([poll('a', 'open')], [poll('a', 'closed', true)])).toEqual([
      { id: 'a', change: 'closed' },
      { id: 'a', change: 'revealed' },
    ]);
    expect(pollChanges([poll('a', 'closed', true)], [poll('a', 'closed')])).toEqual([
      { id: 'a', change: 'hidden' },
    ]);
    // A new draft (moderators) and an unchanged poll are not news.
    expect(pollChanges([poll('a', 'open')], [poll('c', 'draft'), poll('a', 'open')])).toEqual([]);
  });
});
