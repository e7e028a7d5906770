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
  /** The session's questions and polls (a chapter after the guides'). */
  interaction: InteractionLabels;
}

/** The words of the "Questions and polls" chapter; counts go in table cells, never in text. */
export interface InteractionLabels {
  title: string;
  questions: string;
  question: string;
  askedBy: string;
  votes: string;
  /** The asker of a question asked anonymously (never named in a compiled export). */
  anonymous: string;
  questionStatuses: { approved: string; answered: string };
  polls: string;
  pollKinds: { single: string; multiple: string; ranking: string; words: string };
  pollStatuses: { open: string; closed: string };
  option: string;
  points: string;
  word: string;
  /** "Ballots: 12" (a label and a figure, so no plural rule; French spaces its colon). */
  ballots: (count: number) => string;
  resultsHidden: string;
  noAnswers: string;
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
    interaction: {
      title: 'Questions and polls',
      questions: 'Questions',
      question: 'Question',
      askedBy: 'Asked by',
      votes: 'Votes',
      anonymous: 'Anonymous',
      questionStatuses: { approved: 'Open', answered: 'Answered' },
      polls: 'Polls',
      pollKinds: {
        single: 'Single choice',
        multiple: 'Multiple choice',
        ranking: 'Ranking',
        words: 'Word cloud',
      },
      pollStatuses: { open: 'Open', closed: 'Closed' },
      option: 'Option',
      points: 'Points',
      word: 'Word',
      ballots: (count) => `Ballots: ${count}`,
      resultsHidden: 'The results were not revealed.',
      noAnswers: 'No answers.',
    },
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
    interaction: {
      title: 'Questions et sondages',
      questions: 'Questions',
      question: 'Question',
      askedBy: 'Posée par',
      votes: 'Votes',
      anonymous: 'Anonyme',
      questionStatuses: { approved: 'Ouverte', answered: 'Répondue' },
      polls: 'Sondages',
      pollKinds: {
        single: 'Choix unique',
        multiple: 'Choix multiple',
        ranking: 'Classement',
        words: 'Nuage de mots',
      },
      pollStatuses: { open: 'Ouvert', closed: 'Clos' },
      option: 'Option',
      points: 'Points',
      word: 'Mot',
      ballots: (count) => `Votants\u00a0: ${count}`,
      resultsHidden: 'Les résultats n’ont pas été dévoilés.',
      noAnswers: 'Aucune réponse.',
    },
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
    interaction: {
      title: 'Preguntas y encuestas',
      questions: 'Preguntas',
      question: 'Pregunta',
      askedBy: 'Formulada por',
      votes: 'Votos',
      anonymous: 'Anónimo',
      questionStatuses: { approved: 'Abierta', answered: 'Respondida' },
      polls: 'Encuestas',
      pollKinds: {
        single: 'Opción única',
        multiple: 'Opción múltiple',
        ranking: 'Clasificación',
        words: 'Nube de palabras',
      },
      pollStatuses: { open: 'Abierta', closed: 'Cerrada' },
      option: 'Opción',
      points: 'Puntos',
      word: 'Palabra',
      ballots: (count) => `Votantes: ${count}`,
      resultsHidden: 'Los resultados no se revelaron.',
      noAnswers: 'Sin respuestas.',
    },
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
    interaction: {
      title: 'الأسئلة واستطلاعات الرأي',
      questions: 'الأسئلة',
      question: 'السؤال',
      askedBy: 'طرحه',
      votes: 'الأصوات',
      anonymous: 'مجهول',
      questionStatuses: { approved: 'مفتوح', answered: 'تمت الإجابة' },
      polls: 'استطلاعات الرأي',
      pollKinds: {
        single: 'اختيار واحد',
        multiple: 'اختيار متعدد',
        ranking: 'ترتيب',
        words: 'سحابة كلمات',
      },
      pollStatuses: { open: 'مفتوح', closed: 'مغلق' },
      option: 'الخيار',
      points: 'النقاط',
      word: 'الكلمة',
      ballots: (count) => `عدد المصوّتين: ${count}`,
      resultsHidden: 'لم يتم الكشف عن النتائج.',
      noAnswers: 'لا توجد إجابات.',
    },
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
