import { describe, expect, it } from 'vitest';
import { checkProfile, errorsFromDetails, firstFieldWithError } from './profileForm.ts';

const valid = {
  displayName: '  Amina Diallo ',
  parliament: 'Assemblée nationale',
  country: 'sn',
  preferredLanguage: 'fr' as const,
  email: '',
};

describe('checkProfile', () => {
  it('accepts a valid profile, normalised as the server stores it', () => {
    const result = checkProfile(valid);
    expect(result).toEqual({
      ok: true,
      profile: { ...valid, displayName: 'Amina Diallo', country: 'SN', email: null },
    });
  });

  it('points at each field with a problem', () => {
    const result = checkProfile({
      ...valid,
      displayName: '   ',
      parliament: 'x'.repeat(121),
      country: '',
      email: 'not an address',
    });
    expect(result).toEqual({
      ok: false,
      errors: { displayName: true, parliament: true, country: true, email: true },
    });
  });

  it('names the shared text rule a name or parliament broke, to word it', () => {
    const result = checkProfile({
      ...valid,
      displayName: 'Evil\u202Egnp.exe',
      parliament: '\u200B',
    });
    expect(result).toEqual({
      ok: false,
      errors: { displayName: 'direction_control', parliament: 'no_visible_characters' },
    });
  });
});

describe('errorsFromDetails', () => {
  it('reads field names from the server’s paths, with or without a prefix', () => {
    expect(
      errorsFromDetails([{ path: 'country' }, { path: 'body.email' }, { path: '/displayName' }]),
    ).toEqual({ country: true, email: true, displayName: true });
  });

  it('ignores paths that are not profile fields', () => {
    expect(errorsFromDetails([{ path: '' }, { path: 'token' }, { path: 'toString' }])).toEqual({});
  });
});

describe('firstFieldWithError', () => {
  it('follows the order of the form', () => {
    expect(firstFieldWithError({ email: true, country: true })).toBe('country');
    expect(firstFieldWithError({})).toBeUndefined();
  });
});
