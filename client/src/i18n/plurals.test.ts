import { describe, expect, it } from 'vitest';
import { createInstance } from 'i18next';
import { resources } from './index.ts';

/**
 * Count-bearing strings go through i18next's plural rules: "1 place left", never "1 places
 * left", and in Arabic the form each number takes (zero, one, two, few, many, other).
 */
const i18n = createInstance();
void i18n.init({ resources, lng: 'en', initAsync: false, interpolation: { escapeValue: false } });

const placesLeft = (lng: string, count: number) =>
  i18n.t('organiser.assign.targetOption', { lng, count, name: 'A', language: 'B' });

describe('plural forms of counted strings', () => {
  it('says "1 place left" and "2 places left" in English', () => {
    expect(placesLeft('en', 1)).toBe('A (B, 1 place left)');
    expect(placesLeft('en', 2)).toBe('A (B, 2 places left)');
    expect(placesLeft('en', 0)).toBe('A (B, 0 places left)');
    expect(i18n.t('organiser.groups.places', { lng: 'en', count: 1, taken: '0' })).toBe(
      '0 of 1 place taken',
    );
    expect(i18n.t('organiser.validation.tooLong', { lng: 'en', count: 200 })).toBe(
      'Keep it under 200 characters.',
    );
  });

  it('follows French and Spanish rules (0 takes the singular in French only)', () => {
    expect(placesLeft('fr', 0)).toBe('A (B, 0 place libre)');
    expect(placesLeft('fr', 1)).toBe('A (B, 1 place libre)');
    expect(placesLeft('fr', 3)).toBe('A (B, 3 places libres)');
    expect(placesLeft('es', 0)).toBe('A (B, 0 plazas libres)');
    expect(placesLeft('es', 1)).toBe('A (B, 1 plaza libre)');
  });

  it('picks each of the six Arabic forms', () => {
    // Numbers as the Arabic interface writes them (Intl, "ar": Arabic-Indic digits).
    const n = (value: number) => new Intl.NumberFormat('ar').format(value);
    expect(placesLeft('ar', 0)).toBe('A (B، لا مكان شاغرًا)'); // zero
    expect(placesLeft('ar', 1)).toBe('A (B، مكان واحد شاغر)'); // one
    expect(placesLeft('ar', 2)).toBe('A (B، مكانان شاغران)'); // two
    expect(placesLeft('ar', 3)).toBe(`A (B، ${n(3)} أماكن شاغرة)`); // few: 3–10
    expect(placesLeft('ar', 11)).toBe(`A (B، ${n(11)} مكانًا شاغرًا)`); // many: 11–99
    expect(placesLeft('ar', 100)).toBe(`A (B، ${n(100)} مكان شاغر)`); // other: 100, 101, 102
    expect(i18n.t('profile.errors.displayName', { lng: 'ar', count: 80 })).toBe(
      `أدخلوا اسمكم (${n(80)} حرفًا كحدّ أقصى).`,
    );
  });
});
