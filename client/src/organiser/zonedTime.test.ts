import { describe, expect, it } from 'vitest';
import { instantToZoned, zonedDate, zonedToInstant, zoneOffsetMs } from './zonedTime.ts';

describe('zonedToInstant', () => {
  it('reads a summer time in Geneva as UTC+2 and a winter one as UTC+1', () => {
    expect(zonedToInstant('2021-06-16T13:00', 'Europe/Zurich')).toEqual({
      ok: true,
      instant: '2021-06-16T11:00:00.000Z',
    });
    expect(zonedToInstant('2021-12-01T09:30', 'Europe/Zurich')).toEqual({
      ok: true,
      instant: '2021-12-01T08:30:00.000Z',
    });
  });

  it('handles zones west of UTC, half-hour offsets and the date line', () => {
    expect(zonedToInstant('2021-06-16T20:00', 'America/New_York')).toEqual({
      ok: true,
      instant: '2021-06-17T00:00:00.000Z',
    });
    expect(zonedToInstant('2021-06-16T09:00', 'Asia/Kolkata')).toEqual({
      ok: true,
      instant: '2021-06-16T03:30:00.000Z',
    });
    expect(zonedToInstant('2021-06-16T09:00', 'Asia/Kathmandu')).toEqual({
      ok: true,
      instant: '2021-06-16T03:15:00.000Z',
    });
    expect(zonedToInstant('2021-06-16T00:30', 'Pacific/Kiritimati')).toEqual({
      ok: true,
      instant: '2021-06-15T10:30:00.000Z',
    });
    expect(zonedToInstant('2021-06-16T13:00', 'UTC')).toEqual({
      ok: true,
      instant: '2021-06-16T13:00:00.000Z',
    });
  });

  it('refuses a time the clocks skip in spring instead of moving it', () => {
    expect(zonedToInstant('2021-03-28T02:30', 'Europe/Rome')).toEqual({
      ok: false,
      reason: 'skipped',
    });
    expect(zonedToInstant('2021-03-14T02:15', 'America/New_York')).toEqual({
      ok: false,
      reason: 'skipped',
    });
    // Either side of the gap is fine.
    expect(zonedToInstant('2021-03-28T01:59', 'Europe/Rome')).toEqual({
      ok: true,
      instant: '2021-03-28T00:59:00.000Z',
    });
    expect(zonedToInstant('2021-03-28T03:00', 'Europe/Rome')).toEqual({
      ok: true,
      instant: '2021-03-28T01:00:00.000Z',
    });
  });

  it('gives the earlier instant for a time that happens twice in autumn', () => {
    expect(zonedToInstant('2021-10-31T02:30', 'Europe/Rome')).toEqual({
      ok: true,
      instant: '2021-10-31T00:30:00.000Z',
    });
    expect(zonedToInstant('2021-11-07T01:30', 'America/New_York')).toEqual({
      ok: true,
      instant: '2021-11-07T05:30:00.000Z',
    });
  });

  it('refuses what is not a real date and time', () => {
    for (const value of ['', '2021-06-16', '2021-02-30T10:00', '2021-06-16T24:00', '16/06/2021']) {
      expect(zonedToInstant(value, 'Europe/Rome'), value).toEqual({ ok: false, reason: 'invalid' });
    }
  });
});

describe('instantToZoned', () => {
  it('shows the wall clock of the zone, whatever zone this machine is in', () => {
    expect(instantToZoned('2021-06-16T11:00:00Z', 'Europe/Zurich')).toBe('2021-06-16T13:00');
    expect(instantToZoned('2021-06-17T00:00:00.000Z', 'America/New_York')).toBe('2021-06-16T20:00');
    expect(instantToZoned('2021-06-16T03:15:00+00:00', 'Asia/Kathmandu')).toBe('2021-06-16T09:00');
    expect(instantToZoned('2021-06-16T22:00:00Z', 'Europe/Rome')).toBe('2021-06-17T00:00');
  });

  it('returns an empty value for an unreadable instant', () => {
    expect(instantToZoned('not a date', 'UTC')).toBe('');
  });

  it('round-trips every quarter hour across a change of clocks', () => {
    const start = Date.parse('2021-10-30T20:00:00Z');
    for (let minutes = 0; minutes < 12 * 60; minutes += 15) {
      const instant = new Date(start + minutes * 60_000).toISOString();
      const local = instantToZoned(instant, 'Europe/London');
      const back = zonedToInstant(local, 'Europe/London');
      expect(back.ok, local).toBe(true);
      if (!back.ok) continue;
      // In London 01:00–01:59 on 31 October happens twice; it maps back to its earlier instant.
      if (local.startsWith('2021-10-31T01:')) {
        expect(Date.parse(back.instant)).toBeLessThanOrEqual(Date.parse(instant));
      } else {
        expect(back.instant).toBe(instant);
      }
    }
  });
});

describe('helpers', () => {
  it('knows the offset in force at an instant', () => {
    expect(zoneOffsetMs(Date.parse('2021-06-16T12:00:00Z'), 'Europe/Rome')).toBe(2 * 3_600_000);
    expect(zoneOffsetMs(Date.parse('2021-01-16T12:00:00Z'), 'America/Sao_Paulo')).toBe(
      -3 * 3_600_000,
    );
  });

  it('tells which day of the event an instant falls on', () => {
    expect(zonedDate('2021-06-16T23:30:00Z', 'Europe/Rome')).toBe('2021-06-17');
    expect(zonedDate('2021-06-16T23:30:00Z', 'America/New_York')).toBe('2021-06-16');
  });
});
