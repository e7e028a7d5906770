import { describe, expect, it } from 'vitest';
import { countryCodes } from '@draftroom/shared';
import { countryName, countryOptions } from './countryNames.ts';

describe('countryCodes', () => {
  it('holds distinct two-letter upper-case codes', () => {
    expect(new Set(countryCodes).size).toBe(countryCodes.length);
    for (const code of countryCodes) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(countryCodes.length).toBeGreaterThanOrEqual(249);
  });
});

describe('countryName', () => {
  it('names countries in the page language', () => {
    expect(countryName('SN', 'fr')).toBe('Sénégal');
    expect(countryName('de', 'es')).toBe('Alemania');
    expect(countryName('EG', 'ar')).toBe('مصر');
  });

  it('falls back to what was stored when it is not a country', () => {
    expect(countryName('??', 'en')).toBe('??');
  });
});

describe('countryOptions', () => {
  it('has a real name for every code, sorted for the language', () => {
    const options = countryOptions('fr');
    expect(options).toHaveLength(countryCodes.length);
    for (const option of options) expect(option.name).not.toBe(option.code);
    const names = options.map((o) => o.name);
    const collator = new Intl.Collator('fr');
    expect([...names].sort(collator.compare)).toEqual(names);
    // "Égypte" sorts with the E's in French, not after "Z".
    expect(names.indexOf('Égypte')).toBeLessThan(names.indexOf('Zambie'));
  });
});
