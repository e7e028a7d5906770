import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AudienceTag,
  LanguageCode,
  PracticeStatus,
  PracticeTopic,
  RegionCode,
} from '@draftroom/shared';
import { countryName } from '../countries/countryNames.ts';
import { workingLanguageName } from '../organiser/languages.ts';

/**
 * The words for a practice's fixed values in the interface's language: audiences, topics,
 * regions, statuses, languages and countries (the last two from the browser's own names, so a
 * country reads "Sénégal" on the French interface without a list of our own).
 */
export function useLibraryLabels() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return {
    audience: useCallback((tag: AudienceTag) => t(`audience.${tag}`), [t]),
    topic: useCallback((topic: PracticeTopic) => t(`library.topics.${topic}`), [t]),
    region: useCallback(
      (region: RegionCode | null) => t(`registration.regions.${region ?? 'unknown'}`),
      [t],
    ),
    status: useCallback((status: PracticeStatus) => t(`library.statuses.${status}`), [t]),
    language: useCallback(
      (code: LanguageCode) => workingLanguageName(code, locale, { standalone: true }),
      [locale],
    ),
    country: useCallback((code: string) => countryName(code, locale), [locale]),
  };
}

/** A date and time as the interface's language writes it. */
export function useDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  return useCallback(
    (iso: string) =>
      new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
    [i18n.language],
  );
}
