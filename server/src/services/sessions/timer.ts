import type { SessionTimer, TimerAction } from '@draftroom/shared';
import { conflict } from '../../lib/domainError.ts';
import type { TimerRecord } from '../../persistence/index.ts';

const minute = 60_000;

/**
 * The next state of a session's timer after a facilitator's action, at `now` (ms). Pure, so the
 * rules read in one place: start sets a new countdown; extend adds minutes (to a timer that ran
 * out too); pause keeps what is left; resume counts it down again; end clears it.
 */
export function nextTimer(
  timer: TimerRecord | null,
  action: TimerAction,
  now: number,
): TimerRecord | null {
  switch (action.action) {
    case 'start':
      return {
        state: 'running',
        endsAt: new Date(now + action.minutes * minute).toISOString(),
        remainingMs: action.minutes * minute,
        durationMs: action.minutes * minute,
      };
    case 'extend': {
      if (!timer) throw conflict('There is no timer to extend: start one first.');
      const added = action.minutes * minute;
      if (timer.state === 'paused') {
        return {
          ...timer,
          remainingMs: timer.remainingMs + added,
          durationMs: timer.durationMs + added,
        };
      }
      // A timer that ran out starts counting again from now.
      const endsAt = Math.max(Date.parse(timer.endsAt ?? ''), now) + added;
      return {
        ...timer,
        endsAt: new Date(endsAt).toISOString(),
        remainingMs: endsAt - now,
        durationMs: timer.durationMs + added,
      };
    }
    case 'pause': {
      if (!timer || timer.state !== 'running') throw conflict('The timer is not running.');
      return { ...timer, state: 'paused', endsAt: null, remainingMs: remainingOf(timer, now) };
    }
    case 'resume': {
      if (!timer || timer.state !== 'paused') throw conflict('The timer is not paused.');
      return {
        ...timer,
        state: 'running',
        endsAt: new Date(now + timer.remainingMs).toISOString(),
      };
    }
    case 'end':
      return null;
  }
}

/** Milliseconds left at `now` (0 once a running timer has run out). */
export function remainingOf(timer: TimerRecord, now: number): number {
  if (timer.state === 'paused') return timer.remainingMs;
  return Math.max(0, Date.parse(timer.endsAt ?? '') - now);
}

/** The timer as pages see it at `now`. */
export function timerView(timer: TimerRecord | null, now: number): SessionTimer {
  return timer && { ...timer, remainingMs: remainingOf(timer, now) };
}
