import type { Logger } from '../../lib/logger.ts';
import type { Limiters } from '../../lib/rateLimits.ts';
import type { ConferenceStore } from '../../persistence/index.ts';
import { sessionFeed } from '../../http/sessionEvents.ts';
import type { GuideService } from '../conference/guideService.ts';
import type { EventBus } from '../events/eventBus.ts';
import type { SearchUpdater } from '../search/searchUpdater.ts';
import { citationIndexer } from './citationIndex.ts';
import { createCitationService } from './citationService.ts';
import { createRunningOrderService } from './runningOrderService.ts';

/**
 * Citations and running orders, wired in one call from `server.ts` (issue 17): the citation
 * index rides on the search updater's quiet re-read of each guide (and its start-up catch-up),
 * and the running order is a feed (`practices`) of the session's event stream.
 */
export function wireCitations(parts: {
  conference: ConferenceStore;
  events: EventBus;
  limiters: Limiters;
  guides: GuideService;
  search: SearchUpdater;
  log: Logger;
}) {
  parts.search.addReader(citationIndexer(parts.conference));
  const runningOrders = createRunningOrderService(parts.conference, parts.events, parts.limiters);
  // A practice saved or curated: the running orders presenting it show its new title, or hide it
  // (sent back), on every open page of those sessions. Lives as long as the bus (the server's).
  parts.events.subscribe('practiceChanged', ({ practiceId }) => {
    void parts.conference.repositories.practices
      .presentingSessions(practiceId)
      .then((sessions) => {
        for (const { sessionId } of sessions) {
          parts.events.publish('sessionPractices', { sessionId });
        }
      })
      .catch((error: unknown) =>
        parts.log.error({ err: error, practiceId }, 'running orders of a practice not refreshed'),
      );
  });
  return {
    citations: createCitationService(parts.conference, parts.guides),
    runningOrders,
    feed: sessionFeed({
      event: 'practices',
      topic: 'sessionPractices',
      snapshot: runningOrders.snapshot,
      viewFor: runningOrders.viewFor,
    }),
  };
}
