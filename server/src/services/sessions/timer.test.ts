import { describe, expect, it } from 'vitest';
import { nextTimer, remainingOf, timerView } from './timer.ts';

const t0 = Date.parse('2026-12-01T10:00:00Z');
const minutes = (n: number) => n * 60_000;

describe('the session timer', () => {
  it('starts, pauses with what is left, resumes from it, and is extended', () => {
    const started = nextTimer(null, { action: 'start', minutes: 20 }, t0);
    expect(started).toEqual({
      state: 'running',
      endsAt: '2026-12-01T10:20:00.000Z',
      remainingMs: minutes(20),
      durationMs: minutes(20),
    });
    const paused = nextTimer(started, { action: 'pause' }, t0 + minutes(5));
    expect(paused).toMatchObject({ state: 'paused', endsAt: null, remainingMs: minutes(15) });
    // Paused time does not count.
    expect(remainingOf(paused!, t0 + minutes(50))).toBe(minutes(15));
    const extended = nextTimer(paused, { action: 'extend', minutes: 5 }, t0 + minutes(50));
    expect(extended).toMatchObject({ remainingMs: minutes(20), durationMs: minutes(25) });
    const resumed = nextTimer(extended, { action: 'resume' }, t0 + minutes(60));
    expect(resumed).toMatchObject({ state: 'running', endsAt: '2026-12-01T11:20:00.000Z' });
    expect(timerView(resumed, t0 + minutes(70))?.remainingMs).toBe(minutes(10));
    expect(nextTimer(resumed, { action: 'end' }, t0 + minutes(71))).toBeNull();
  });

  it('a timer that ran out shows 0 left, and extending it counts from now', () => {
    const started = nextTimer(null, { action: 'start', minutes: 1 }, t0);
    expect(timerView(started, t0 + minutes(3))?.remainingMs).toBe(0);
    const extended = nextTimer(started, { action: 'extend', minutes: 2 }, t0 + minutes(3));
    expect(extended?.endsAt).toBe('2026-12-01T10:05:00.000Z');
    expect(timerView(extended, t0 + minutes(3))?.remainingMs).toBe(minutes(2));
  });

  it('refuses actions that do not fit the timer as it is', () => {
    expect(() => nextTimer(null, { action: 'pause' }, t0)).toThrow(/not running/);
    expect(() => nextTimer(null, { action: 'resume' }, t0)).toThrow(/not paused/);
    expect(() => nextTimer(null, { action: 'extend', minutes: 5 }, t0)).toThrow(/start one first/);
    const started = nextTimer(null, { action: 'start', minutes: 5 }, t0);
    expect(() => nextTimer(started, { action: 'resume' }, t0)).toThrow(/not paused/);
  });
});
