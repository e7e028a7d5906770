import { describe, expect, it } from 'vitest';
import { countryCode, languageCode } from './registrationValues.ts';

describe('registration values', () => {
  it.each([
    ['KE', 'KE'],
    ['ke', 'KE'],
    ['Kenya', 'KE'],
    ['Côte d’Ivoire', 'CI'],
    ['Brésil', 'BR'],
    ['España', 'ES'],
    ['المغرب', 'MA'],
  ])('country %s → %s', (input, code) => {
    expect(countryCode(input)).toBe(code);
  });

  it('rejects unknown countries', () => {
    expect(countryCode('Atlantis')).toBeUndefined();
    expect(countryCode('QQ')).toBeUndefined();
  });

  it.each([
    ['fr', 'fr'],
    ['French', 'fr'],
    ['Français', 'fr'],
    ['español', 'es'],
    ['العربية', 'ar'],
    ['Arabic', 'ar'],
  ])('language %s → %s', (input, code) => {
    expect(languageCode(input)).toBe(code);
  });

  it('rejects languages we do not work in', () => {
    expect(languageCode('German')).toBeUndefined();
  });
});
