import { describe, expect, it } from 'vitest';
import {
  dayKey,
  eventZoneLabel,
  formatDayKey,
  formatTimeRange,
  sameOffsetAt,
  zoneLabel,
} from './dates.ts';

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

describe('the event’s time zone label', () => {
  it('gives the offset on the event’s days, whatever the date today', () => {
    // Summer event: GMT+2 in Zurich, even when read in winter (and the reverse).
    expect(eventZoneLabel('Europe/Zurich', '2021-06-16', '2021-06-18', 'en')).toBe(
      'Europe/Zurich (GMT+2)',
    );
    expect(eventZoneLabel('Europe/Zurich', '2021-12-08', '2021-12-10', 'en')).toBe(
      'Europe/Zurich (GMT+1)',
    );
    // Southern hemisphere: summer is in December.
    expect(eventZoneLabel('America/Santiago', '2021-12-08', '2021-12-08', 'en')).toBe(
      'America/Santiago (GMT-3)',
    );
  });

  it('shows both offsets for an event across a clock change', () => {
    expect(eventZoneLabel('Europe/Zurich', '2021-10-30', '2021-11-01', 'en')).toBe(
      'Europe/Zurich (GMT+2 – GMT+1)',
    );
  });

  it('is the same label as the zone at an instant on that day', () => {
    expect(zoneLabel('Europe/Zurich', 'en', Date.parse('2021-06-16T11:00:00Z'))).toBe(
      eventZoneLabel('Europe/Zurich', '2021-06-16', '2021-06-16', 'en'),
    );
    expect(zoneLabel('Not/AZone', 'en', 0)).toBe('Not/AZone');
  });
});
