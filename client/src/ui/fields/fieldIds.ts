import type { Problem } from '../form/problems.ts';

/**
 * Ids that tie a control to its hint and error: `aria-describedby` lists whichever are shown, so
 * a screen reader reads the error as soon as the field is focused.
 */
export function fieldIds(
  base: string,
  { hint, problem, serverMessage }: { hint?: unknown; problem?: Problem; serverMessage?: string },
) {
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
