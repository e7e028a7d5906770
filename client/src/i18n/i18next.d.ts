import 'i18next';
import type en from './locales/en.json';
import type enOrganiser from './locales/organiser/en.json';
import type enQuestions from './locales/questions/en.json';
import type enPolls from './locales/polls/en.json';
import type enDotVotes from './locales/dotVotes/en.json';
import type enPersonalProgramme from './locales/personalProgramme/en.json';
import type enRegistration from './locales/registration/en.json';
import type enCitations from './locales/citations/en.json';
import type enLibrary from './locales/library/en.json';

// Typed keys: `t('home.title')` is checked against the English file at compile time, so a typo or
// a key missing from en.json fails the typecheck instead of showing a raw key to people.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof en & {
        organiser: typeof enOrganiser;
        questions: typeof enQuestions;
        polls: typeof enPolls;
        dotVotes: typeof enDotVotes;
        personalProgramme: typeof enPersonalProgramme;
        registration: typeof enRegistration;
        citations: typeof enCitations;
        library: typeof enLibrary;
      };
    };
  }
}
