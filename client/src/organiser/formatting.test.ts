import { describe, expect, it } from 'vitest';
import { countryName, formatDay, formatInstant, formatTimeRange } from './formatting.ts';

describe('formatting', () => {
  it('shows instants on the event’s wall clock', () => {
    expect(formatInstant('2021-06-16T11:00:00Z', 'en-GB', 'Europe/Zurich')).toBe(
      '16 Jun 2021, 13:00',
    );
    expect(
      formatTimeRange('2021-06-16T11:00:00Z', '2021-06-16T12:30:00Z', 'en-GB', 'Europe/Zurich'),
    ).toMatch(/16 Jun 2021, 13:00\s*–\s*14:30/);
  });

  it('keeps a calendar day whatever the machine’s zone', () => {
    // ICU versions differ on the comma after the weekday; the day itself must not move.
    expect(formatDay('2021-06-16', 'en-GB')).toMatch(/^Wednesday,? 16 June 2021$/);
  });

  it('names countries in the interface language, falling back to the code', () => {
    expect(countryName('KE', 'en')).toBe('Kenya');
    expect(countryName('KE', 'fr')).toBe('Kenya');
    expect(countryName('DE', 'es')).toBe('Alemania');
    expect(countryName('??', 'en')).toBe('??');
  });

  it('falls back to the raw value for unreadable input', () => {
    expect(formatInstant('soon', 'en', 'UTC')).toBe('soon');
  });
});
