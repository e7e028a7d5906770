import { describe, expect, it } from 'vitest';
import { presenterLanguage } from './presenterLanguage.ts';

describe('presenterLanguage', () => {
  it('speaks the session’s language, not the presenter’s, when the session is not held in theirs', () => {
    expect(presenterLanguage(['ar', 'en'], null, 'fr')).toBe('ar');
  });
  it('keeps the presenter’s own language when the session is held in it', () => {
    expect(presenterLanguage(['ar', 'en'], null, 'en')).toBe('en');
  });
  it('takes the language asked for in the address only if the session is held in it', () => {
    expect(presenterLanguage(['ar', 'en'], 'ar', 'en')).toBe('ar');
    expect(presenterLanguage(['ar', 'en'], 'es', 'en')).toBe('en');
    expect(presenterLanguage(['ar', 'en'], 'xx', 'fr')).toBe('ar');
  });
  it('falls back to the presenter’s language when the session names none the interface has', () => {
    expect(presenterLanguage(['sw'], null, 'fr')).toBe('fr');
    expect(presenterLanguage([], null, 'es')).toBe('es');
  });
});
