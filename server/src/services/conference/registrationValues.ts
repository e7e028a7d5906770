import { countryCodes, isCountryCode, languageCodes, type LanguageCode } from '@draftroom/shared';

/**
 * Registration spreadsheets name countries and languages as people typed them: codes, or names
 * in English, French, Spanish or Arabic. These turn either into the codes we store.
 */
const nameLanguages = ['en', 'fr', 'es', 'ar'] as const;
const normalise = (value: string) =>
  value.normalize('NFD').replace(/\p{M}/gu, '').trim().toLocaleLowerCase();

let countryNames: Map<string, string> | undefined;

function countryIndex(): Map<string, string> {
  if (countryNames) return countryNames;
  countryNames = new Map();
  const displays = nameLanguages.map(
    (language) => new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }),
  );
  // Only current ISO codes: withdrawn ones share current names (FX "France", SU "Russia").
  for (const code of countryCodes) {
    for (const display of displays) {
      const name = display.of(code);
      if (name) countryNames.set(normalise(name), code);
    }
  }
  return countryNames;
}

/** An ISO 3166 alpha-2 code, from a code or a country name; undefined if unknown. */
export function countryCode(value: string): string | undefined {
  const trimmed = value.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const code = trimmed.toUpperCase();
    return isCountryCode(code) ? code : undefined;
  }
  return countryIndex().get(normalise(trimmed));
}

/** One of our language codes, from a code or the language's name. */
export function languageCode(value: string): LanguageCode | undefined {
  const key = normalise(value);
  for (const code of languageCodes) {
    if (key === code) return code;
    for (const language of [...nameLanguages, code]) {
      const name = new Intl.DisplayNames([language], { type: 'language' }).of(code);
      if (name && normalise(name) === key) return code;
    }
  }
  return undefined;
}
