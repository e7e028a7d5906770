import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import fr from './locales/fr.json';
import es from './locales/es.json';
import ar from './locales/ar.json';
import enOrganiser from './locales/organiser/en.json';
import frOrganiser from './locales/organiser/fr.json';
import esOrganiser from './locales/organiser/es.json';
import arOrganiser from './locales/organiser/ar.json';
import enQuestions from './locales/questions/en.json';
import enPolls from './locales/polls/en.json';
import frQuestions from './locales/questions/fr.json';
import frPolls from './locales/polls/fr.json';
import esQuestions from './locales/questions/es.json';
import esPolls from './locales/polls/es.json';
import arQuestions from './locales/questions/ar.json';
import arPolls from './locales/polls/ar.json';
import enDotVotes from './locales/dotVotes/en.json';
import enRegistration from './locales/registration/en.json';
import enCitations from './locales/citations/en.json';
import frDotVotes from './locales/dotVotes/fr.json';
import frRegistration from './locales/registration/fr.json';
import frCitations from './locales/citations/fr.json';
import esDotVotes from './locales/dotVotes/es.json';
import esRegistration from './locales/registration/es.json';
import esCitations from './locales/citations/es.json';
import enLibrary from './locales/library/en.json';
import frLibrary from './locales/library/fr.json';
import esLibrary from './locales/library/es.json';
import arDotVotes from './locales/dotVotes/ar.json';
import enPersonalProgramme from './locales/personalProgramme/en.json';
import frPersonalProgramme from './locales/personalProgramme/fr.json';
import esPersonalProgramme from './locales/personalProgramme/es.json';
import arPersonalProgramme from './locales/personalProgramme/ar.json';
import arRegistration from './locales/registration/ar.json';
import arCitations from './locales/citations/ar.json';
import arLibrary from './locales/library/ar.json';
import {
  fallbackLanguage,
  isSupportedLanguage,
  languageStorageKey,
  pickLanguage,
  supportedLanguages,
  type SupportedLanguage,
} from './languages.ts';

/**
 * Every locale file, keyed by language. A new language is one more import and entry here. The
 * organiser screens' strings live in their own files (`locales/organiser/`), under `organiser.*`;
 * a session's questions under `questions.*` (`locales/questions/`), its polls under `polls.*`,
 * a guide's dot votes under `dotVotes.*`, a person's own programme (audiences, plans, calendar)
 * under `personalProgramme.*`, the registration of delegations under `registration.*`, citing good practices (guides, sessions,
 * the presenter view) under `citations.*`.
 * under `personalProgramme.*`, the registration of delegations under `registration.*`, the good-practice library under
 * `library.*`.
 */
export const resources = {
  en: {
    translation: {
      ...en,
      organiser: enOrganiser,
      questions: enQuestions,
      polls: enPolls,
      dotVotes: enDotVotes,
      personalProgramme: enPersonalProgramme,
      registration: enRegistration,
      citations: enCitations,
      library: enLibrary,
    },
  },
  fr: {
    translation: {
      ...fr,
      organiser: frOrganiser,
      questions: frQuestions,
      polls: frPolls,
      dotVotes: frDotVotes,
      personalProgramme: frPersonalProgramme,
      registration: frRegistration,
      citations: frCitations,
      library: frLibrary,
    },
  },
  es: {
    translation: {
      ...es,
      organiser: esOrganiser,
      questions: esQuestions,
      polls: esPolls,
      dotVotes: esDotVotes,
      personalProgramme: esPersonalProgramme,
      registration: esRegistration,
      citations: esCitations,
      library: esLibrary,
    },
  },
  ar: {
    translation: {
      ...ar,
      organiser: arOrganiser,
      questions: arQuestions,
      polls: arPolls,
      dotVotes: arDotVotes,
      personalProgramme: arPersonalProgramme,
      registration: arRegistration,
      citations: arCitations,
      library: arLibrary,
    },
  },
} as const satisfies Record<SupportedLanguage, { translation: object }>;

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(languageStorageKey);
  } catch {
    return null; // storage can be blocked (privacy settings); the browser's languages still apply
  }
}

function rememberLanguage(language: SupportedLanguage): void {
  try {
    localStorage.setItem(languageStorageKey, language);
  } catch {
    // Storage blocked: the choice still holds until the page is closed.
  }
}

/** `<html lang dir>` follow the active language so screen readers and RTL layout are right. */
function applyToDocument(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = i18n.dir(language);
}

/** The language the interface is shown in now (always one of `supportedLanguages`). */
export function currentLanguage(): SupportedLanguage {
  return pickLanguage([i18n.resolvedLanguage, i18n.language]);
}

/** A person's explicit choice: shown at once and remembered in this browser for next time. */
export async function chooseLanguage(language: SupportedLanguage): Promise<void> {
  rememberLanguage(language);
  await i18n.changeLanguage(language);
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

  // A language chosen in another tab applies here too, like the display name does.
  window.addEventListener('storage', (event) => {
    if (event.key !== languageStorageKey || !event.newValue) return;
    if (isSupportedLanguage(event.newValue) && event.newValue !== currentLanguage()) {
      void i18n.changeLanguage(event.newValue);
    }
  });
  return i18n;
}
