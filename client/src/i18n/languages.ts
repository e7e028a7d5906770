/**
 * Languages the interface can be shown in. Adding French, Spanish or Arabic means adding a JSON
 * file under `locales/` and a line here; direction (RTL for Arabic) comes from i18next itself.
 */
export const supportedLanguages = ['en'] as const;
export type SupportedLanguage = (typeof supportedLanguages)[number];
export const fallbackLanguage: SupportedLanguage = 'en';

/** Where a person's explicit choice of language is remembered. */
export const languageStorageKey = 'draftroom:language';

function isSupported(tag: string): tag is SupportedLanguage {
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
    if (isSupported(lower)) return lower;
    const base = lower.split('-')[0] ?? '';
    if (isSupported(base)) return base;
  }
  return fallbackLanguage;
}
