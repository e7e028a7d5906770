import type { ExportLocale } from './model.ts';

/**
 * The words exports print for good practices (issue 17), in the four languages of the export
 * labels (`labels.ts`), kept apart so the library's words do not crowd the guides'. No count is
 * printed, so no plural rule is needed; countries are named by `Intl.DisplayNames`.
 */
export interface PracticeLabels {
  /** Before a citation's card: "Good practice". */
  goodPractice: string;
  /** A cited id the export cannot show (unknown, not approved, another event's). */
  unavailable: string;
  /** The compiled session export's annex. */
  annexTitle: string;
  citedIn: string;
  /** The library export's title page (in place of a session's title). */
  libraryTitle: string;
  parliament: string;
  country: string;
  summary: string;
  sections: { whatWasDone: string; results: string; lessons: string };
  /** The library export of an event with no approved practice yet. */
  empty: string;
  /** A label before its value: "Country: " (French spaces its colon, unbreakably). */
  colon: (label: string) => string;
}

const labels: Record<ExportLocale, PracticeLabels> = {
  en: {
    goodPractice: 'Good practice',
    unavailable: 'Good practice not available',
    annexTitle: 'Good practices cited',
    citedIn: 'Cited in',
    libraryTitle: 'Good-practice library',
    parliament: 'Parliament',
    country: 'Country',
    summary: 'Summary',
    sections: { whatWasDone: 'What was done', results: 'Results', lessons: 'Lessons learned' },
    empty: 'The library has no approved practice yet.',
    colon: (label) => `${label}: `,
  },
  fr: {
    goodPractice: 'Bonne pratique',
    unavailable: 'Bonne pratique non disponible',
    annexTitle: 'Bonnes pratiques citées',
    citedIn: 'Citée dans',
    libraryTitle: 'Bibliothèque de bonnes pratiques',
    parliament: 'Parlement',
    country: 'Pays',
    summary: 'Résumé',
    sections: {
      whatWasDone: 'Ce qui a été fait',
      results: 'Résultats',
      lessons: 'Enseignements',
    },
    empty: 'La bibliothèque ne contient encore aucune pratique approuvée.',
    colon: (label) => `${label}\u00a0: `,
  },
  es: {
    goodPractice: 'Buena práctica',
    unavailable: 'Buena práctica no disponible',
    annexTitle: 'Buenas prácticas citadas',
    citedIn: 'Citada en',
    libraryTitle: 'Biblioteca de buenas prácticas',
    parliament: 'Parlamento',
    country: 'País',
    summary: 'Resumen',
    sections: {
      whatWasDone: 'Qué se hizo',
      results: 'Resultados',
      lessons: 'Lecciones aprendidas',
    },
    empty: 'La biblioteca aún no tiene ninguna práctica aprobada.',
    colon: (label) => `${label}: `,
  },
  ar: {
    goodPractice: 'ممارسة جيدة',
    unavailable: 'الممارسة الجيدة غير متاحة',
    annexTitle: 'الممارسات الجيدة المستشهد بها',
    citedIn: 'مستشهد بها في',
    libraryTitle: 'مكتبة الممارسات الجيدة',
    parliament: 'البرلمان',
    country: 'البلد',
    summary: 'الملخص',
    sections: { whatWasDone: 'ما تم إنجازه', results: 'النتائج', lessons: 'الدروس المستفادة' },
    empty: 'لا تحتوي المكتبة بعد على أي ممارسة معتمدة.',
    colon: (label) => `${label}: `,
  },
};

export const practiceLabels = (locale: ExportLocale): PracticeLabels => labels[locale];

/** A country's name in the export's language (its code when the runtime does not know it). */
export function countryName(code: string, locale: ExportLocale): string {
  if (code === '') return '';
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
