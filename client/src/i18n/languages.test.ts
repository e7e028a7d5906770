import { describe, expect, it } from 'vitest';
import { fallbackLanguage, languageNames, pickLanguage, supportedLanguages } from './languages.ts';

describe('pickLanguage', () => {
  it('takes the first supported tag, matching on the base language', () => {
    expect(pickLanguage(['en-GB', 'fr'])).toBe('en');
    expect(pickLanguage(['EN'])).toBe('en');
    expect(pickLanguage(['fr-CA', 'en'])).toBe('fr');
    expect(pickLanguage(['de-DE', 'es-419', 'en'])).toBe('es');
    expect(pickLanguage(['ar-EG'])).toBe('ar');
  });

  it('puts a stored choice before the browser languages', () => {
    expect(pickLanguage(['ar', 'fr-FR', 'en'])).toBe('ar');
    expect(pickLanguage([null, 'fr-FR', 'en'])).toBe('fr');
  });

  it('skips empty and unsupported entries and falls back', () => {
    expect(pickLanguage([null, undefined, '', 'xx-YY'])).toBe(fallbackLanguage);
    expect(pickLanguage([])).toBe(fallbackLanguage);
  });
});

describe('languageNames', () => {
  it('names every supported language in itself', () => {
    expect(Object.keys(languageNames).sort()).toEqual([...supportedLanguages].sort());
    for (const language of supportedLanguages) {
      const ownName = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? '';
      expect(languageNames[language].toLocaleLowerCase(language)).toBe(
        ownName.toLocaleLowerCase(language),
      );
    }
  });
});
