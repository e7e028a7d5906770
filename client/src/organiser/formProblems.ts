import {
  cleanText,
  emailSchema,
  textProblem,
  type TextProblem,
  type TextRules,
} from '@draftroom/shared';
import type { Problem, ValidationKey } from '../ui/form/problems.ts';
import { zonedToInstant } from './zonedTime.ts';

// The organiser forms' checks, each answering with a `Problem` the fields know how to show
// (`ui/form/problems.ts`, worded under `organiser.validation.*`).

const textProblemKeys = {
  control_character: 'controlCharacter',
  direction_control: 'directionControl',
  no_visible_characters: 'noVisibleCharacters',
} as const satisfies Record<TextProblem, ValidationKey>;

/** Text others will see: the shared rules (`personText`), worded in the interface's language. */
export function checkText(
  value: string,
  max: number,
  options: TextRules & { optional?: boolean } = {},
): Problem | undefined {
  const cleaned = cleanText(value);
  if (cleaned === '') return options.optional ? undefined : { key: 'required' };
  if (cleaned.length > max) return { key: 'tooLong', values: { count: max } };
  const problem = textProblem(cleaned, options);
  return problem ? { key: textProblemKeys[problem] } : undefined;
}

/** A whole number typed into a number input (which hands us a string). */
export function checkWholeNumber(
  value: string,
  min: number,
  max: number,
): { ok: true; value: number } | { ok: false; problem: Problem } {
  const trimmed = value.trim();
  if (trimmed === '') return { ok: false, problem: { key: 'required' } };
  if (!/^\d+$/.test(trimmed)) return { ok: false, problem: { key: 'wholeNumber' } };
  const number = Number(trimmed);
  if (number < min || number > max) {
    return { ok: false, problem: { key: 'outOfRange', values: { min, max } } };
  }
  return { ok: true, value: number };
}

/** A wall-clock time typed in the event's zone, as the UTC instant the API stores. */
export function checkZonedTime(
  value: string,
  timeZone: string,
): { ok: true; instant: string } | { ok: false; problem: Problem } {
  if (value.trim() === '') return { ok: false, problem: { key: 'required' } };
  const result = zonedToInstant(value, timeZone);
  if (result.ok) return result;
  return result.reason === 'skipped'
    ? { ok: false, problem: { key: 'skippedTime', values: { zone: timeZone } } }
    : { ok: false, problem: { key: 'invalidDateTime' } };
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function isKnownTimeZone(zone: string): boolean {
  if (zone === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An optional email address, by the shared rule (`emailSchema`): empty is fine. */
export function checkOptionalEmail(value: string): Problem | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return emailSchema.safeParse(trimmed).success ? undefined : { key: 'invalidEmail' };
}
