import { describe, expect, it } from 'vitest';
import { fallbackLanguage, pickLanguage } from './languages.ts';

describe('pickLanguage', () => {
  it('takes the first supported tag, matching on the base language', () => {
    expect(pickLanguage(['en-GB', 'fr'])).toBe('en');
    expect(pickLanguage(['EN'])).toBe('en');
  });

  it('skips empty and unsupported entries and falls back', () => {
    expect(pickLanguage([null, undefined, '', 'xx-YY'])).toBe(fallbackLanguage);
    expect(pickLanguage([])).toBe(fallbackLanguage);
  });
});
