import type { ApiRouteName } from '@draftroom/shared';
import type { LibraryServices } from '../../services/practices/wireLibrary.ts';
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

/** One line per route: HTTP in, service call, result out (rules live in the services). */
export function libraryHandlers(services: {
  library: LibraryServices;
}): Pick<Handlers, LibraryRouteName & ApiRouteName> {
  const { practices, library } = services.library;
  return {
    listPractices: ({ signedIn, query }) => library.list(signedIn().viewer, query),
    submitPractice: ({ signedIn, body }) => practices.submit(signedIn().viewer, body),
    getPractice: ({ signedIn, params }) => practices.get(signedIn().viewer, params.practiceId),
    updatePractice: ({ signedIn, params, body }) =>
      practices.update(signedIn().viewer, params.practiceId, body),
    reviewPractice: ({ signedIn, params, body }) =>
      practices.review(signedIn().viewer, params.practiceId, body),
    mergePractice: ({ signedIn, params, body }) =>
      practices.merge(signedIn().viewer, params.practiceId, body),
    setPracticePublication: ({ signedIn, params, body }) =>
      practices.setPublication(signedIn().viewer, params.practiceId, body),
    practiceVersions: ({ signedIn, params }) =>
      library.versions(signedIn().viewer, params.practiceId),
    practiceVersion: ({ signedIn, params }) =>
      library.version(signedIn().viewer, params.practiceId, params.revision),
    exportPracticesCsv: ({ signedIn }) => services.library.exportCsv(signedIn().viewer),
    librarySettings: ({ signedIn }) => library.settings(signedIn().viewer),
    updateLibrarySettings: ({ signedIn, body }) => library.updateSettings(signedIn().viewer, body),
    publicLibrary: ({ params }) => library.publicLibrary(params.eventId),
    publicPractice: ({ params }) => library.publicPractice(params.eventId, params.practiceId),
  };
}
