import { describe, expect, it } from 'vitest';
import { countrySchema, profileSchema } from './person.ts';

describe('countrySchema', () => {
  it('takes current ISO codes in any case', () => {
    expect(countrySchema.parse(' ke ')).toBe('KE');
    expect(countrySchema.parse('XK')).toBe('XK');
  });

  it.each(['ZZ', 'FX', 'UK', 'EU', 'K', 'Kenya'])('refuses %s', (value) => {
    expect(countrySchema.safeParse(value).success).toBe(false);
  });
});

describe('profileSchema', () => {
  it('trims, and turns an empty email into none', () => {
    expect(
      profileSchema.parse({
        displayName: '  Awa Diop ',
        parliament: 'Assemblée nationale',
        country: 'sn',
        preferredLanguage: 'fr',
        email: '',
      }),
    ).toEqual({
      displayName: 'Awa Diop',
      parliament: 'Assemblée nationale',
      country: 'SN',
      preferredLanguage: 'fr',
      email: null,
    });
  });
});
