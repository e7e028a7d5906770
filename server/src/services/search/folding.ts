/**
 * How text is folded for search, the same way for what is indexed, what is typed and what is
 * highlighted: compatibility forms unified (NFKC: Arabic presentation forms, ligatures, full-width
 * letters), Arabic tatweel and the alef, yeh and teh marbuta variants unified (the usual Arabic
 * search normalisation: a reader types ا for أ إ آ ٱ, ي for ى, ه for ة, and rarely the vowel
 * marks), then every combining mark removed after canonical decomposition (é → e, ñ → n, and
 * Arabic tashkeel and hamza-on-carrier marks), and lower case.
 */

const tatweel = /\u0640/g;
// أ إ آ also lose their hamza or madda below with the other marks (NFD); alef wasla does not.
const alefVariants = /[\u0622\u0623\u0625\u0671]/g;
const combiningMarks = /\p{M}/gu;

export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(tatweel, '')
    .replace(alefVariants, '\u0627')
    .replace(/\u0649/g, '\u064A') // alef maksura → yeh
    .replace(/\u06CC/g, '\u064A') // Persian yeh → Arabic yeh
    .replace(/\u0629/g, '\u0647') // teh marbuta → heh
    .normalize('NFD')
    .replace(combiningMarks, '')
    .toLowerCase();
}

/**
 * Words as the index's tokenizer (FTS5 unicode61) sees them: runs of letters, digits and
 * private-use characters; everything else separates.
 */
const word = /[\p{L}\p{N}\p{Co}]+/gu;

export function wordsOf(folded: string): string[] {
  return folded.match(word) ?? [];
}

/** What the full-text index holds for a block: its folded words, space-separated. */
export function termsOf(text: string): string {
  return wordsOf(fold(text)).join(' ');
}

/** The most words one search takes (more would only slow it down; the rest are ignored). */
export const maxQueryWords = 12;

/** The words of a search, folded, without repeats. Quotes, `*`, `(`… are separators, not syntax. */
export function queryWords(query: string): string[] {
  return [...new Set(wordsOf(fold(query)))].slice(0, maxQueryWords);
}

/**
 * The FTS5 expression for those words: each one quoted (a word holds only letters and digits, so
 * nothing inside can be syntax) and a prefix (`"caf"*` finds café as it is being typed), all of
 * them required in the same block. Null when nothing searchable was typed.
 * A single letter is a whole word, not a prefix: as a prefix it stands for a large part of the
 * index's vocabulary, and a dozen of them took ~74 ms of the server's only thread over 600,000
 * words (an attack test's figure) for results nobody could use.
 */
export function matchExpression(words: readonly string[]): string | null {
  if (words.length === 0) return null;
  return words.map((w) => ([...w].length === 1 ? `"${w}"` : `"${w}"*`)).join(' ');
}
