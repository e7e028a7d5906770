import { languageCodes, type LanguageCode } from '@draftroom/shared';

/** The language of an export's own words: the reader's, when it is one the server writes. */
export function exportLocale(language: string): LanguageCode {
  const base = language.split('-')[0] as LanguageCode;
  return languageCodes.includes(base) ? base : 'en';
}
