import { describe, expect, it } from 'vitest';
import { dayKey, formatDayKey, formatTimeRange, sameOffsetAt } from './dates.ts';

describe('dayKey', () => {
  it('gives the calendar day in the given zone, which may differ from UTC', () => {
    const lateUtc = '2021-06-16T22:30:00Z';
    expect(dayKey(lateUtc, 'UTC')).toBe('2021-06-16');
    expect(dayKey(lateUtc, 'Europe/Paris')).toBe('2021-06-17'); // 00:30 the next day
    expect(dayKey(lateUtc, 'America/New_York')).toBe('2021-06-16');
    expect(dayKey('2021-06-16T02:00:00Z', 'America/Los_Angeles')).toBe('2021-06-15');
  });
});

describe('formatDayKey', () => {
  it('names the same day in every zone and language', () => {
    expect(formatDayKey('2021-06-16', 'en-GB')).toMatch(/^Wednesday,? 16 June 2021$/);
    expect(formatDayKey('2021-06-16', 'fr')).toBe('mercredi 16 juin 2021');
  });
});

describe('formatTimeRange', () => {
  it('shows the span in the viewer’s zone', () => {
    const range = formatTimeRange(
      '2021-06-16T13:00:00Z',
      '2021-06-16T14:30:00Z',
      'fr',
      'Europe/Paris',
    );
    expect(range).toMatch(/15:00.*16:30/);
  });
});

describe('sameOffsetAt', () => {
  it('compares wall-clock times at that instant', () => {
    expect(sameOffsetAt('2021-01-10T12:00:00Z', 'UTC', 'Europe/London')).toBe(true);
    expect(sameOffsetAt('2021-06-16T12:00:00Z', 'UTC', 'Europe/London')).toBe(false);
    expect(sameOffsetAt('2021-06-16T12:00:00Z', 'UTC', 'UTC')).toBe(true);
  });
});
