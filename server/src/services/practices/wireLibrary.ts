import type { DownloadFile } from '@draftroom/shared';
import { forbidden } from '../../lib/domainError.ts';
import type { Limiters } from '../../lib/rateLimits.ts';
import { perPersonLimit } from '../../lib/perPersonLimit.ts';
import type { ConferenceStore } from '../../persistence/index.ts';
import type { Viewer } from '../access/policy.ts';
import { canCuratePractices } from '../access/practicePolicy.ts';
import type { EventBus } from '../events/eventBus.ts';
import { exportFileName } from '../exports/filename.ts';
import type { SearchIndex } from '../search/searchIndex.ts';
import { createLibraryService } from './libraryService.ts';
import { practicesCsv } from './practicesCsv.ts';
import { createPracticeService } from './practiceService.ts';
import { practiceSearchFor } from './practiceSearch.ts';

export interface LibraryDeps {
  conference: ConferenceStore;
  events: EventBus;
  limiters: Limiters;
  /** The guides' search index: practices are indexed in it under their own ids. */
  searchIndex: SearchIndex;
  onError: (practiceId: string, error: unknown) => void;
}

/**
 * The good-practice library's server side, wired once from `server.ts`: the records and their
 * curation, the reading side (list, search, versions, publication, public pages) and the CSV.
 * After each write the practice is re-indexed and `practiceChanged` goes on the bus (pages,
 * and the citations' cards, follow it); a moved running order tells its sessions.
 */
export function wireLibrary(deps: LibraryDeps) {
  const { conference, events } = deps;
  const search = practiceSearchFor(conference, deps.searchIndex, deps.onError);
  const practices = createPracticeService(conference, {
    limiters: deps.limiters,
    changed: async (record, movedSessions) => {
      await search.reindex(record);
      events.publish('practiceChanged', { eventId: record.eventId, practiceId: record.id });
      for (const sessionId of movedSessions) events.publish('sessionPractices', { sessionId });
    },
  });
  const library = createLibraryService(conference, { search: search.query });
  // Each export reads every practice of the event.
  const exportLimit = perPersonLimit(
    20,
    'You exported the library many times in the last minute; wait a moment.',
    { limiters: deps.limiters, name: 'practiceExports' },
  );
  return {
    practices,
    library,
    /** Practices never indexed (a database from before, a crash) are indexed in the background. */
    catchUp: () => search.catchUp(),
    settled: () => search.settled(),
    async exportCsv(viewer: Viewer): Promise<DownloadFile> {
      const eventId = viewer.person.eventId;
      if (!canCuratePractices(viewer, eventId)) {
        throw forbidden('Only organisers export the library.');
      }
      await exportLimit.take(viewer.person.id);
      const records = await conference.repositories.practices.listByEvent(eventId);
      const event = await conference.repositories.events.get(eventId);
      return {
        filename: exportFileName([event?.name ?? null, 'good practices'], 'csv'),
        contentType: 'text/csv; charset=utf-8',
        bytes: practicesCsv(
          records,
          await conference.repositories.practices.citationCounts(eventId),
        ),
      };
    },
  };
}

export type LibraryServices = ReturnType<typeof wireLibrary>;
