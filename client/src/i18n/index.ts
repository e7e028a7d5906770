import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import {
  fallbackLanguage,
  languageStorageKey,
  pickLanguage,
  supportedLanguages,
} from './languages.ts';

/** Every locale file, keyed by language. A new language is one more import and entry here. */
export const resources = {
  en: { translation: en },
} as const;

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(languageStorageKey);
  } catch {
    return null; // storage can be blocked (privacy settings); the browser's languages still apply
  }
}

/** `<html lang dir>` follow the active language so screen readers and RTL layout are right. */
function applyToDocument(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = i18n.dir(language);
}

/** Initialises i18next synchronously (the resources are bundled) before the first render. */
export function initI18n(): typeof i18n {
  i18n.on('languageChanged', applyToDocument);
  void i18n.use(initReactI18next).init({
    resources,
    lng: pickLanguage([storedLanguage(), ...navigator.languages]),
    fallbackLng: fallbackLanguage,
    supportedLngs: [...supportedLanguages],
    initAsync: false,
    // React already escapes text; escaping twice would show "&amp;" in titles.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyToDocument(i18n.language);
  return i18n;
}
