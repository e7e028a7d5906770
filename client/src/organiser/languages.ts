import { languageCodes, type LanguageCode } from '@draftroom/shared';

/** Languages in the conference's usual order (en, fr, es, ar), whatever order they were ticked. */
export function orderLanguages(languages: readonly LanguageCode[]): LanguageCode[] {
  return languageCodes.filter((code) => languages.includes(code));
}

/** Ticks or unticks one language of a checkbox group. */
export function toggleLanguage(
  languages: readonly LanguageCode[],
  code: LanguageCode,
  checked: boolean,
): LanguageCode[] {
  const others = languages.filter((language) => language !== code);
  return orderLanguages(checked ? [...others, code] : others);
}
