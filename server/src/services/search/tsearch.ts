/**
 * PostgreSQL text-search values built from words already folded (`folding.ts`), as literals
 * bound as parameters and cast (`$1::tsvector`, `$1::tsquery`): the lexemes are taken verbatim,
 * with no text-search parser or dictionary in between, so PostgreSQL holds and looks for exactly
 * the words SQLite's index holds and looks for. A word holds only letters, digits and
 * private-use characters; it is quoted and escaped all the same, so nothing in it is syntax.
 */

/**
 * The longest lexeme kept, in code points. PostgreSQL refuses a lexeme over 2,047 bytes (a
 * guide may hold a longer "word"); a search is at most 200 characters (`searchQuerySchema`), so
 * every search that could reach a long word still reaches it cut.
 */
export const maxLexemeChars = 256;
/** PostgreSQL keeps at most 256 positions per lexeme, each at most 16,383. */
const maxPositions = 256;
const maxPosition = 16_383;
/**
 * A tsvector must stay under 1 MiB: new words past half of that in one block are not indexed
 * (a block that long is an attack or an accident; the words before it are still found).
 */
const maxVectorBytes = 512 * 1024;

function cut(word: string): string {
  if (word.length <= maxLexemeChars) return word;
  return Array.from(word).slice(0, maxLexemeChars).join('');
}

function quoted(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** A block's words (in order, repeats kept) as a tsvector literal, with positions for ranking. */
export function tsvectorOf(words: readonly string[]): string {
  const positions = new Map<string, number[]>();
  let bytes = 0;
  words.forEach((whole, index) => {
    const word = cut(whole);
    let list = positions.get(word);
    if (!list) {
      // The lexeme, its entry and alignment: an upper bound is enough here.
      const size = Buffer.byteLength(word) + 8;
      if (bytes + size > maxVectorBytes) return;
      bytes += size;
      list = [];
      positions.set(word, list);
    }
    const position = Math.min(index + 1, maxPosition);
    if (list.length < maxPositions && list.at(-1) !== position) {
      list.push(position);
      bytes += 2;
    }
  });
  return [...positions].map(([word, list]) => `${quoted(word)}:${list.join(',')}`).join(' ');
}

/**
 * The tsquery for the search words, the same query as SQLite's `matchExpression`: every word
 * required in the block, each a prefix except a single letter, which is a whole word. Null when
 * nothing searchable was typed.
 */
export function tsqueryOf(words: readonly string[]): string | null {
  if (words.length === 0) return null;
  return words
    .map((word) => ([...word].length === 1 ? quoted(word) : `${quoted(cut(word))}:*`))
    .join(' & ');
}
