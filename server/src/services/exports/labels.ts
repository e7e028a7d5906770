import type { ExportChapter, ExportLocale } from './model.ts';

/**
 * The words an export prints around the guides, in the language the person exporting reads
 * (the guides keep their own). Exports are files, not screens: they have no i18next instance,
 * and no count is printed, so no plural rule is needed; dates go through Intl.
 */
export interface ExportLabels {
  contents: string;
  /** The annex's heading. */
  contributors: string;
  workingLanguage: string;
  status: string;
  version: string;
  statuses: Record<ExportChapter['status'], string>;
  languages: Record<'en' | 'fr' | 'es' | 'ar', string>;
  /** The title page's line before the date. */
  exportedOn: string;
  /** A version's number: "Version 3". */
  versionNumber: (number: number) => string;
  /** PDF footer: "Page 2 of 9". */
  pageOf: (page: string, pages: string) => string;
  /** A chapter without any recorded writer. */
  noContributors: string;
}

const labels: Record<ExportLocale, ExportLabels> = {
  en: {
    contents: 'Contents',
    contributors: 'Contributors by parliament',
    workingLanguage: 'Working language',
    status: 'Status',
    version: 'Version',
    statuses: { open: 'Open for writing', locked: 'Locked', frozen: 'Final (frozen)' },
    languages: { en: 'English', fr: 'French', es: 'Spanish', ar: 'Arabic' },
    exportedOn: 'Exported on',
    versionNumber: (number) => `Version ${number}`,
    pageOf: (page, pages) => `Page ${page} of ${pages}`,
    noContributors: 'No contributions recorded.',
  },
  fr: {
    contents: 'Table des matières',
    contributors: 'Contributeurs par parlement',
    workingLanguage: 'Langue de travail',
    status: 'Statut',
    version: 'Version',
    statuses: { open: 'Ouvert à la rédaction', locked: 'Verrouillé', frozen: 'Final (figé)' },
    languages: { en: 'anglais', fr: 'français', es: 'espagnol', ar: 'arabe' },
    exportedOn: 'Exporté le',
    versionNumber: (number) => `Version ${number}`,
    pageOf: (page, pages) => `Page ${page} sur ${pages}`,
    noContributors: 'Aucune contribution enregistrée.',
  },
  es: {
    contents: 'Índice',
    contributors: 'Colaboradores por parlamento',
    workingLanguage: 'Idioma de trabajo',
    status: 'Estado',
    version: 'Versión',
    statuses: { open: 'Abierto a la redacción', locked: 'Bloqueado', frozen: 'Final (congelado)' },
    languages: { en: 'inglés', fr: 'francés', es: 'español', ar: 'árabe' },
    exportedOn: 'Exportado el',
    versionNumber: (number) => `Versión ${number}`,
    pageOf: (page, pages) => `Página ${page} de ${pages}`,
    noContributors: 'No hay contribuciones registradas.',
  },
  ar: {
    contents: 'المحتويات',
    contributors: 'المساهمون حسب البرلمان',
    workingLanguage: 'لغة العمل',
    status: 'الحالة',
    version: 'الإصدار',
    statuses: { open: 'مفتوح للكتابة', locked: 'مقفل', frozen: 'نهائي (مجمّد)' },
    languages: { en: 'الإنجليزية', fr: 'الفرنسية', es: 'الإسبانية', ar: 'العربية' },
    exportedOn: 'تاريخ التصدير',
    versionNumber: (number) => `الإصدار ${number}`,
    pageOf: (page, pages) => `الصفحة ${page} من ${pages}`,
    noContributors: 'لا توجد مساهمات مسجلة.',
  },
};

export function exportLabels(locale: ExportLocale): ExportLabels {
  return labels[locale];
}

/** A date as the locale writes it, in the event's time zone ("December 1, 2026" in English). */
export function exportDate(iso: string, locale: ExportLocale, timeZone: string): string {
  const date = new Date(iso);
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(date);
  } catch {
    // A zone this Node does not know (the event's is checked when saved, but Node's tz data
    // can be older than the browser's that chose it): the date in UTC beats no export.
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
}

/** The language's name in the label language, or the code itself for one we do not name. */
export function languageName(language: string | null, locale: ExportLocale): string | null {
  if (language === null) return null;
  const names = labels[locale].languages;
  return language in names ? names[language as keyof typeof names] : language;
}
