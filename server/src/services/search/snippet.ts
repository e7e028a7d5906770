import type { SearchSnippet } from '@draftroom/shared';
import { fold, wordsOf } from './folding.ts';

/** Words as written, marks kept inside them (an Arabic word with its vowels is one word). */
const writtenWord = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

/** The longest snippet, in UTF-16 units, and how much comes before the first match. */
const snippetLength = 220;
const before = 70;

/**
 * The ranges of `text` (UTF-16 offsets) holding a word that starts with one of `words` (folded
 * search words), found the way the index found them: each written word folded the same way.
 */
export function matchRanges(
  text: string,
  words: readonly string[],
): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  for (const match of text.matchAll(writtenWord)) {
    const folded = wordsOf(fold(match[0]));
    if (folded.some((part) => words.some((w) => part.startsWith(w)))) {
      ranges.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return ranges;
}

/**
 * A stretch of the block around its first match, cut at spaces (so never inside a word or a
 * surrogate pair), with the matches as offsets into it.
 */
export function snippetOf(text: string, words: readonly string[]): SearchSnippet {
  const ranges = matchRanges(text, words);
  let start = 0;
  let end = text.length;
  if (text.length > snippetLength) {
    const first = ranges[0]?.start ?? 0;
    start = Math.max(0, first - before);
    if (start > 0) {
      const space = text.indexOf(' ', start);
      start = space >= 0 && space < first ? space + 1 : Math.min(start, first);
    }
    end = Math.min(text.length, start + snippetLength);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start) end = space;
    }
  }
  return {
    text: text.slice(start, end),
    marks: ranges
      .filter((range) => range.start >= start && range.end <= end)
      .map((range) => ({ start: range.start - start, end: range.end - start })),
    cutBefore: start > 0,
    cutAfter: end < text.length,
  };
}
