import { describe, expect, it } from 'vitest';
import { crossedMoment } from './timerAnnouncements.ts';
import { formatTimeLeft } from './useSessionLive.ts';

const min = 60_000;

describe('what a screen reader hears of the timer', () => {
  it('says 10, 5 and 1 minutes left and time is up, once each', () => {
    expect(crossedMoment(10 * min + 1000, 10 * min)).toBe(10);
    expect(crossedMoment(10 * min, 10 * min - 1000)).toBeNull();
    expect(crossedMoment(5 * min + 500, 4 * min)).toBe(5);
    expect(crossedMoment(61_000, 59_000)).toBe(1);
    expect(crossedMoment(1000, 0)).toBe(0);
    expect(crossedMoment(0, 0)).toBeNull();
  });

  it('stays quiet otherwise: every second, or when time was added', () => {
    expect(crossedMoment(8 * min, 8 * min - 1000)).toBeNull();
    expect(crossedMoment(4 * min, 9 * min)).toBeNull();
    expect(crossedMoment(null, 5 * min)).toBeNull();
  });
});

describe('formatTimeLeft', () => {
  it('shows minutes and seconds, hours when there are any, in the page’s digits', () => {
    expect(formatTimeLeft(12 * min + 5000, 'en')).toBe('12:05');
    expect(formatTimeLeft(61 * min, 'en')).toBe('1:01:00');
    expect(formatTimeLeft(0, 'en')).toBe('0:00');
    expect(formatTimeLeft(90_000, 'ar-EG')).toBe('١:٣٠');
  });
});
