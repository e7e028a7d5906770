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

/**
 * A working language named in the interface's language ("anglais" on French pages, "الإنجليزية"
 * on Arabic ones): on these pages a language is information about a group or a person, not a
 * choice of interface, so it reads in the page's language (the language menu keeps each name in
 * itself). `standalone` capitalises it as a label on its own ("Anglais"), not inside a sentence.
 */
export function workingLanguageName(
  code: LanguageCode,
  locale: string,
  { standalone = false }: { standalone?: boolean } = {},
): string {
  let name: string = code;
  try {
    name = new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    // An engine without DisplayNames: the code is still unambiguous.
  }
  return standalone ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : name;
}
