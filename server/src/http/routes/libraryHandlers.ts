import type { ApiRouteName } from '@draftroom/shared';
import type { Handlers } from './api.ts';

/** The routes the library server (records, curation, versions, search, CSV, publication) answers. */
export type LibraryRouteName =
  | 'listPractices'
  | 'submitPractice'
  | 'getPractice'
  | 'updatePractice'
  | 'reviewPractice'
  | 'mergePractice'
  | 'setPracticePublication'
  | 'practiceVersions'
  | 'practiceVersion'
  | 'exportPracticesCsv'
  | 'librarySettings'
  | 'updateLibrarySettings'
  | 'publicLibrary'
  | 'publicPractice';

const notBuilt = (): never => {
  throw new Error('not built yet');
};

/** PLACEHOLDER (contract): replaced by the real handlers. */
export function libraryHandlers(
  _services: unknown,
): Pick<Handlers, LibraryRouteName & ApiRouteName> {
  return {
    listPractices: notBuilt,
    submitPractice: notBuilt,
    getPractice: notBuilt,
    updatePractice: notBuilt,
    reviewPractice: notBuilt,
    mergePractice: notBuilt,
    setPracticePublication: notBuilt,
    practiceVersions: notBuilt,
    practiceVersion: notBuilt,
    exportPracticesCsv: notBuilt,
    librarySettings: notBuilt,
    updateLibrarySettings: notBuilt,
    publicLibrary: notBuilt,
    publicPractice: notBuilt,
  };
}
