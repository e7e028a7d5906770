import { describe, expect, it } from 'vitest';
import { mapThroughDiff } from './mapThroughDiff.ts';

const split = '\uE000';

describe('mapThroughDiff', () => {
  it('keeps a caret at the end of text that a split moved into a new block', () => {
    // "BBBAAA|" → "BBB¶AAA|": the caret stays after AAA, in the second block.
    expect(mapThroughDiff('BBBAAA', `BBB${split}AAA`, 6)).toBe(7);
  });

  it('keeps a caret in moved text when concurrent letters stayed behind', () => {
    // The split copied "AAA" but not "aa", typed meanwhile: the caret follows its own letters.
    const before = 'xx BBBAAAaa yy';
    const after = `xx BBBaa${split}AAA yy`;
    expect(mapThroughDiff(before, after, before.indexOf('AAA') + 2)).toBe(after.indexOf('AAA') + 2);
  });

  it('follows a join: the separator goes, the text stays', () => {
    expect(mapThroughDiff(`one${split}two`, 'onetwo', 7)).toBe(6);
    expect(mapThroughDiff(`one${split}two`, 'onetwo', 1)).toBe(1);
  });

  it('moves a caret in deleted text to where that text was', () => {
    expect(mapThroughDiff('keep gone keep', 'keep  keep', 7)).toBe(5);
  });

  it('shifts a caret after a change by its length, and leaves one before it alone', () => {
    expect(mapThroughDiff('abc def', 'abc XYZ def', 6)).toBe(10);
    expect(mapThroughDiff('abc def', 'abc XYZ def', 2)).toBe(2);
  });

  it('gives up (null) when the texts differ too much to tell', () => {
    const before = 'a'.repeat(50) + 'x'.repeat(2000) + 'b'.repeat(50);
    const after = 'a'.repeat(50) + 'y'.repeat(2000) + 'b'.repeat(50);
    expect(mapThroughDiff(before, after, 1000, 100)).toBeNull();
  });
});
