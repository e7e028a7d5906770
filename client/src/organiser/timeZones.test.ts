import { describe, expect, it } from 'vitest';
import { timeZoneChoices } from './timeZones.ts';

describe('timeZoneChoices', () => {
  it('offers the IANA zones, UTC and the current value, sorted, without duplicates', () => {
    const zones = timeZoneChoices('Asia/Calcutta');
    expect(zones).toContain('Europe/Rome');
    expect(zones).toContain('UTC');
    expect(zones).toContain('Asia/Calcutta');
    expect(new Set(zones).size).toBe(zones.length);
    expect([...zones].sort((a, b) => a.localeCompare(b, 'en'))).toEqual(zones);
  });
});
