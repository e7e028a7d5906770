import type { ApiRouteName } from '@draftroom/shared';
import type { Handlers } from './api.ts';
import type { ConferenceServices } from './handlers.ts';

/** The routes citations, running orders and the library export answers. */
export type CitationRouteName =
  | 'practiceCards'
  | 'guideCitations'
  | 'exportLibrary'
  | 'sessionPractices'
  | 'setSessionPractices'
  | 'setCurrentPractice';

/** One line per route, like `handlers.ts`: the rules live in the services. */
export function citationHandlers(
  services: Pick<ConferenceServices, 'citations' | 'runningOrders' | 'exports'>,
): Pick<Handlers, CitationRouteName & ApiRouteName> {
  const { citations, runningOrders, exports } = services;
  return {
    practiceCards: ({ signedIn, query }) => citations.cards(signedIn().viewer, query.ids),
    guideCitations: ({ signedIn, params }) => citations.ofGuide(signedIn().viewer, params.guideId),
    exportLibrary: ({ signedIn, query }) => exports.library(signedIn().viewer, query),
    sessionPractices: ({ signedIn, params }) =>
      runningOrders.read(signedIn().viewer, params.sessionId),
    setSessionPractices: ({ signedIn, params, body }) =>
      runningOrders.set(signedIn().viewer, params.sessionId, body),
    setCurrentPractice: ({ signedIn, params, body }) =>
      runningOrders.setCurrent(signedIn().viewer, params.sessionId, body),
  };
}
