import { describe, expect, it } from 'vitest';
import { formatList, isolate, languageName } from './text.ts';

describe('text helpers', () => {
  it('isolates typed text', () => {
    expect(isolate('مجموعة أ')).toBe('\u2068مجموعة أ\u2069');
  });

  it('names languages in the page’s language', () => {
    expect(languageName('fr', 'en')).toBe('French');
    expect(languageName('ar', 'es')).toBe('árabe');
  });

  it('lists in the page’s language', () => {
    expect(formatList(['English', 'French', 'Arabic'], 'en')).toBe('English, French, and Arabic');
    expect(formatList(['inglés', 'francés'], 'es')).toBe('inglés y francés');
  });
});
