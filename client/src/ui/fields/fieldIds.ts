import type { Problem } from '../form/problems.ts';

/**
 * Ids that tie a control to its hint and error: `aria-describedby` lists whichever are shown, so
 * a screen reader reads the error as soon as the field is focused.
 */
/** The ids of one field's parts, and whether it is marked invalid. */
export interface FieldIds {
  inputId: string;
  hintId: string;
  errorId: string;
  invalid: boolean;
  describedBy: string | undefined;
}

export function fieldIds(
  base: string,
  { hint, problem, serverMessage }: { hint?: unknown; problem?: Problem; serverMessage?: string },
): FieldIds {
  const hintId = `${base}-hint`;
  const errorId = `${base}-error`;
  const invalid = problem !== undefined || serverMessage !== undefined;
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(' ');
  return {
    inputId: `${base}-input`,
    hintId,
    errorId,
    invalid,
    describedBy: describedBy === '' ? undefined : describedBy,
  };
}
