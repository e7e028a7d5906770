// Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, …, presentation forms).
const rightToLeft = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
const strongLetter = /[\p{L}]/u;

/**
 * The direction a text takes when nobody chose one: the browser's `dir="auto"` rule, where the
 * first strong letter decides. Null when the text has no letter at all (digits, punctuation).
 * Shared so the editor's decorations and the server's exports agree on every block.
 */
export function textDirection(text: string): 'ltr' | 'rtl' | null {
  for (const character of text) {
    if (rightToLeft.test(character)) return 'rtl';
    if (strongLetter.test(character)) return 'ltr';
  }
  return null;
}
