import type { ApiRoute } from './routes.ts';
import { searchQuerySchema, searchResultSchema } from './search.ts';

/**
 * Search (spread into `apiRoutes`): words in every guide of the caller's event that the caller
 * may read, each hit naming the block to open the guide at. The server filters by the same
 * reading rule as opening a guide (the policy), so a hit never shows text the caller could not
 * open.
 */
export const searchRoutes = {
  searchGuides: {
    method: 'get',
    path: '/search',
    summary:
      'Find words in the guides you may read (diacritics and Arabic letter forms ignored); each hit names the guide and the block.',
    access: 'signedIn',
    query: searchQuerySchema,
    status: 200,
    response: searchResultSchema,
  },
} as const satisfies Record<string, ApiRoute>;
