/** The moments a countdown is said to screen readers: not every second, these minutes left. */
export const spokenMinutes = [10, 5, 1] as const;

/**
 * Which of the spoken moments the countdown has reached, going from `before` to `after` ms left
 * ("time is up" is 0). Null when none was crossed: a screen reader hears about a timer only
 * when it is set, paused, extended or passes one of these.
 */
export function crossedMoment(before: number | null, after: number | null): number | null {
  if (before === null || after === null || after >= before) return null;
  if (after === 0 && before > 0) return 0;
  for (const minutes of spokenMinutes) {
    const at = minutes * 60_000;
    if (before > at && after <= at) return minutes;
  }
  return null;
}
