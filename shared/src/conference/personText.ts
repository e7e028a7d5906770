import { z } from 'zod';

/**
 * Text a person types that other people see (names, parliaments, titles, labels). It is shown in
 * lists, carets, CSV exports and logs, so it must not be able to hide itself or rewrite what is
 * around it. Every schema that takes such text uses `personText`; the CSV import and the client
 * forms use `textProblem` to word the same rules in their own way.
 *
 * Refused:
 * - control characters (C0, DEL, C1; line and paragraph separators; unpaired surrogates): NUL,
 *   BEL or ESC have no place in a name, and a line break splits a one-line field in every export;
 * - the bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069: they are
 *   invisible and reorder the characters after them ("Trojan Source" spoofing: `gpj.⁮exe`), and
 *   an unbalanced one leaks into whatever text the name is pasted next to;
 * - text with no visible character at all (zero-width spaces, joiners, fillers such as U+3164).
 *
 * Allowed: the directional marks U+200E, U+200F and U+061C (LRM, RLM, ALM). They are ordinary
 * strong characters, not controls: they cannot reorder letters, only decide on which side a
 * bracket or a digit of mixed Arabic and Latin text falls, which Arabic keyboards insert for
 * exactly that; and the interface shows every such text isolated (`<bdi>`, `dir="auto"`), so
 * their effect stays inside the name. Text made only of marks has nothing visible and is refused.
 * Zero-width joiners and non-joiners are allowed inside text too (Persian, Indic scripts, emoji).
 *
 * Text is stored in Unicode NFC, so "José" typed with a combining accent is the same name as
 * "José" typed with the precomposed letter (NFC, not NFKC: full-width letters stay as typed).
 */
export const textProblemCodes = [
  'control_character',
  'direction_control',
  'no_visible_characters',
] as const;
export type TextProblem = (typeof textProblemCodes)[number];

// C0, DEL and C1 controls (\p{Cc}), line/paragraph separators, unpaired surrogates.
const controlCharacter = /[\p{Cc}\u2028\u2029\p{Cs}]/u;
const lineBreaksAndTabs = /[\t\n\r]/g;
const directionControl = /[\u202A-\u202E\u2066-\u2069]/u;
// Invisible however rendered: default-ignorable code points (format characters, fillers,
// variation selectors), the blank braille pattern, and anything that is not a letter, number,
// punctuation or symbol (spaces, lone combining marks).
const invisible = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;
const visible = /[\p{L}\p{N}\p{P}\p{S}]/u;

export interface TextRules {
  /** Line breaks and tabs are allowed (descriptions); other control characters still are not. */
  multiline?: boolean;
}

/** The stored form of typed text: NFC, without surrounding white space. */
export function cleanText(value: string): string {
  return value.normalize('NFC').trim();
}

/** What is wrong with (cleaned, non-empty) text, or undefined if nothing is. */
export function textProblem(value: string, rules: TextRules = {}): TextProblem | undefined {
  const checked = rules.multiline ? value.replace(lineBreaksAndTabs, '') : value;
  if (controlCharacter.test(checked)) {
    return 'control_character';
  }
  if (directionControl.test(value)) return 'direction_control';
  if (!visible.test(value.replace(invisible, ''))) return 'no_visible_characters';
  return undefined;
}

/** The English sentence for a problem (API responses and logs), naming the field. */
export function textProblemMessage(label: string, problem: TextProblem): string {
  switch (problem) {
    case 'control_character':
      return `${label} contains a control character (such as a line break, a tab or NUL); remove it.`;
    case 'direction_control':
      return `${label} contains an invisible character that changes the direction of the text (U+202A–U+202E or U+2066–U+2069); remove it.`;
    case 'no_visible_characters':
      return `${label} has no visible characters; type it with letters or numbers.`;
  }
}

export interface PersonTextOptions extends TextRules {
  /** May be left empty (a description, an invite's label). */
  optional?: boolean;
}

/**
 * A zod string for text a person types and others see: NFC, trimmed, required unless
 * `optional`, at most `max` UTF-16 units, and free of the characters above. A refused value's
 * issue carries `params.textProblem`, so a client can word it in its own language.
 */
export function personText(label: string, max: number, options: PersonTextOptions = {}) {
  const base = z
    .string({ error: `${label} is required.` })
    .normalize('NFC')
    .trim();
  return (options.optional ? base : base.min(1, `${label} is required.`))
    .max(max, `${label} must be at most ${max} characters.`)
    .superRefine((value, context) => {
      if (value === '') return;
      const problem = textProblem(value, options);
      if (!problem) return;
      context.addIssue({
        code: 'custom',
        message: textProblemMessage(label, problem),
        params: { textProblem: problem },
        input: value,
      });
    });
}

/** The text problem a zod issue reports (from `personText`), if it is one. */
export function textProblemOf(issue: z.core.$ZodIssue): TextProblem | undefined {
  if (issue.code !== 'custom') return undefined;
  const problem: unknown = issue.params?.textProblem;
  return textProblemCodes.find((code) => code === problem);
}
