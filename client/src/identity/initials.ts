/** Splits text into user-perceived characters so "É" or an emoji flag stays whole. */
function graphemes(text: string): string[] {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    return Array.from(segmenter.segment(text), (part) => part.segment);
  }
  return Array.from(text);
}

/**
 * Initials shown inside a person's badge, so presence is not conveyed by colour alone:
 * "Ada Lovelace" → "AL", "Ada" → "A", "Jean-Luc de la Tour" → "JT". Empty names give "?".
 */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/\s+/u)
    .filter((word) => word.length > 0);
  const first = words[0];
  if (first === undefined) return '?';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letters = [first, last]
    .filter((word): word is string => word !== undefined)
    .map((word) => graphemes(word)[0] ?? '');
  return letters.join('').toLocaleUpperCase();
}
