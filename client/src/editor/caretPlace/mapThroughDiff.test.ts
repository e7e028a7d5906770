import { describe, expect, it } from 'vitest';
import { mapThroughDiff } from './mapThroughDiff.ts';

const split = '\uE000';
const indexOf = (before: string, after: string, index: number) =>
  mapThroughDiff(before, after, index)?.index;

describe('mapThroughDiff', () => {
  it('keeps a caret at the end of text that a split moved into a new block', () => {
    // "BBBAAA|" → "BBB¶AAA|": the caret stays after AAA, in the second block.
    expect(mapThroughDiff('BBBAAA', `BBB${split}AAA`, 6)).toEqual({ index: 7, from: 7, to: 7 });
  });

  it('keeps a caret in moved text when concurrent letters stayed behind', () => {
    // The split copied "AAA" but not "aa", typed meanwhile: the caret follows its own letters.
    const before = 'xx BBBAAAaa yy';
    const after = `xx BBBaa${split}AAA yy`;
    expect(indexOf(before, after, before.indexOf('AAA') + 2)).toBe(after.indexOf('AAA') + 2);
  });

  it('follows a join: the separator goes, the text stays', () => {
    expect(indexOf(`one${split}two`, 'onetwo', 7)).toBe(6);
    expect(indexOf(`one${split}two`, 'onetwo', 1)).toBe(1);
  });

  it('moves a caret in deleted text to where that text was', () => {
    expect(indexOf('keep gone keep', 'keep  keep', 7)).toBe(5);
  });

  it('shifts a caret after a change by its length, and leaves one before it alone', () => {
    expect(indexOf('abc def', 'abc XYZ def', 6)).toBe(10);
    expect(indexOf('abc def', 'abc XYZ def', 2)).toBe(2);
  });

  it('says which gaps text alone cannot tell apart: new text typed at the caret', () => {
    // Someone typed "Z" exactly where the caret is: before or after it, only Yjs knows.
    expect(mapThroughDiff('xy', 'xZy', 1)).toEqual({ index: 1, from: 1, to: 2 });
    // A caret at the very start stays with the text after it; text typed before it is unsure.
    expect(mapThroughDiff('ab', 'Zab', 0)).toEqual({ index: 1, from: 0, to: 1 });
    // A caret after a split point whose separator was inserted at the caret.
    expect(mapThroughDiff('abcdef', `abc${split}def`, 3)).toEqual({ index: 3, from: 3, to: 4 });
  });

  it('is sure of a caret inside unchanged text', () => {
    expect(mapThroughDiff('hello world', 'hello, world', 2)).toEqual({ index: 2, from: 2, to: 2 });
    expect(mapThroughDiff('hello world', 'hello, world', 8)).toEqual({ index: 9, from: 9, to: 9 });
  });

  it('gives up (null) when the texts differ too much to tell', () => {
    const before = 'a'.repeat(50) + 'x'.repeat(2000) + 'b'.repeat(50);
    const after = 'a'.repeat(50) + 'y'.repeat(2000) + 'b'.repeat(50);
    expect(mapThroughDiff(before, after, 1000, 100)).toBeNull();
  });
});
