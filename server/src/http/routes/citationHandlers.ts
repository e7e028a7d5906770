import type { ApiRouteName } from '@draftroom/shared';
import type { Handlers } from './api.ts';

/** The routes citations, running orders and the library export answers. */
export type CitationRouteName =
  | 'practiceCards'
  | 'guideCitations'
  | 'exportLibrary'
  | 'sessionPractices'
  | 'setSessionPractices'
  | 'setCurrentPractice';

const notBuilt = (): never => {
  throw new Error('not built yet');
};

/** PLACEHOLDER (contract): replaced by the real handlers. */
export function citationHandlers(
  _services: unknown,
): Pick<Handlers, CitationRouteName & ApiRouteName> {
  return {
    practiceCards: notBuilt,
    guideCitations: notBuilt,
    exportLibrary: notBuilt,
    sessionPractices: notBuilt,
    setSessionPractices: notBuilt,
    setCurrentPractice: notBuilt,
  };
}
