import { practiceListQuerySchema, type PracticeListQuery } from '@draftroom/shared';

/** The filters the library page keeps in its address (so Back from a practice returns to them). */
export const filterNames = [
  'audience',
  'topic',
  'region',
  'country',
  'language',
  'status',
  'mine',
] as const;
export type FilterName = (typeof filterNames)[number];

/**
 * The list query from the address and the (paused) search text: only what the route's own schema
 * accepts, so a hand-edited address drops a bad filter instead of getting a 400 for the page.
 */
export function listQuery(params: URLSearchParams, q: string | null): PracticeListQuery {
  const query: Record<string, string> = {};
  for (const name of filterNames) {
    const value = params.get(name);
    if (!value) continue;
    const one = practiceListQuerySchema.safeParse({ [name]: value });
    if (one.success) query[name] = value;
  }
  if (q) query.q = q;
  return query as PracticeListQuery;
}
