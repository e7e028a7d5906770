/**
 * Languages the interface can be shown in. Adding one means adding a JSON file under `locales/`,
 * a line here and one in `index.ts`; direction (RTL for Arabic) comes from i18next itself.
 */
export const supportedLanguages = ['en', 'fr', 'es', 'ar'] as const;
export type SupportedLanguage = (typeof supportedLanguages)[number];
export const fallbackLanguage: SupportedLanguage = 'en';

/**
 * Each language named in itself, so a person finds theirs whatever language the page is in
 * (the switcher marks each name with its own `lang`). Never translated.
 */
export const languageNames: Record<SupportedLanguage, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
};

/** Where a person's explicit choice of language is remembered. */
export const languageStorageKey = 'draftroom:language';

export function isSupportedLanguage(tag: string): tag is SupportedLanguage {
  return (supportedLanguages as readonly string[]).includes(tag);
}

/**
 * Picks the first supported language from a list of BCP 47 tags in order of preference
 * (a stored choice first, then `navigator.languages`). "fr-CA" matches "fr".
 */
export function pickLanguage(preferred: readonly (string | null | undefined)[]): SupportedLanguage {
  for (const tag of preferred) {
    if (!tag) continue;
    const lower = tag.toLowerCase();
    if (isSupportedLanguage(lower)) return lower;
    const base = lower.split('-')[0] ?? '';
    if (isSupportedLanguage(base)) return base;
  }
  return fallbackLanguage;
}
