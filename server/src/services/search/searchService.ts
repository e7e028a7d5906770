import {
  searchQuerySchema,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from '@draftroom/shared';
import { perPersonLimit } from '../../lib/perPersonLimit.ts';
import { memoryLimiters, type Limiters } from '../../lib/rateLimits.ts';
import type { ConferenceStore } from '../../persistence/index.ts';
import type { Viewer } from '../access/policy.ts';
import type { GuideService } from '../conference/guideService.ts';
import type { SearchIndex } from './searchIndex.ts';
import { snippetOf } from './snippet.ts';

/**
 * Search across the guides a person may read. Which guides those are is the guide list's answer
 * (`guides.list`, the policy's `guidePermission`: organisers their whole event, facilitators the
 * groups they run, participants their own groups, observers their scope), so a hit never shows
 * text the person could not open.
 */
export function createSearchService(
  store: ConferenceStore,
  guides: Pick<GuideService, 'list'>,
  index: SearchIndex,
  /** Where its per-person limits count (Redis with several instances: they hold across them). */
  limiters: Limiters = memoryLimiters,
) {
  // Typing in the search box sends a search every pause; this only stops a script.
  const limit = perPersonLimit(240, 'You searched very often in a short time; wait a minute.', {
    limiters,
    name: 'search',
  });
  return {
    async search(viewer: Viewer, input: SearchQuery): Promise<SearchResult> {
      const { q, limit: wanted } = searchQuerySchema.parse(input);
      await limit.take(viewer.person.id);
      const readable = await guides.list(viewer);
      if (readable.length === 0) return { hits: [], more: false };
      const byId = new Map(readable.map((guide) => [guide.id, guide]));
      const { words, hits } = await index.query(q, [...byId.keys()], wanted + 1);
      if (hits.length === 0) return { hits: [], more: false };
      const sessions = new Map(
        (await store.repositories.sessions.listByEvent(viewer.person.eventId)).map((s) => [
          s.id,
          s.title,
        ]),
      );
      return {
        hits: hits.slice(0, wanted).flatMap((hit): SearchHit[] => {
          const guide = byId.get(hit.guideId);
          if (!guide) return [];
          return [
            {
              guideId: hit.guideId,
              guideTitle: guide.title,
              // A group's guide carries its group's name (kept in step when the group is renamed).
              groupName: guide.groupId === null ? null : guide.title,
              sessionTitle:
                guide.sessionId === null ? null : (sessions.get(guide.sessionId) ?? null),
              block: hit.block,
              dir: hit.dir,
              snippet: snippetOf(hit.text, words),
            },
          ];
        }),
        more: hits.length > wanted,
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
