import type { ConferenceStore } from '../../persistence/index.ts';
import { fold, queryWords, wordsOf } from './folding.ts';
import type { SearchIndex } from './searchIndex.ts';
import { tsqueryOf, tsvectorOf } from './tsearch.ts';

/**
 * The index in PostgreSQL's full-text search (migration 0014: a tsvector column under a GIN
 * index), through the conference store's transactions. The same words as SQLite's index are
 * stored and searched (folded here, lexemes taken verbatim), so both find the same blocks.
 */
export function postgresSearchIndex(store: ConferenceStore, now = () => new Date()): SearchIndex {
  return {
    update: (guideId, blocks, seen) =>
      store.transaction((repos) =>
        repos.postgresSearchIndex.replaceGuide(
          guideId,
          blocks.map((block) => ({ ...block, terms: tsvectorOf(wordsOf(fold(block.text))) })),
          now().toISOString(),
          seen,
        ),
      ),
    remove: (guideId) =>
      store.transaction((repos) => repos.postgresSearchIndex.removeGuide(guideId)),
    markStale: (guideId) => store.repositories.postgresSearchIndex.markStale(guideId),
    staleMark: (guideId) => store.repositories.postgresSearchIndex.staleMark(guideId),
    pending: () => store.repositories.postgresSearchIndex.guidesToIndex(),
    async query(query, guideIds, limit) {
      const words = queryWords(query);
      const tsquery = tsqueryOf(words);
      if (tsquery === null) return { words, hits: [] };
      return {
        words,
        hits: await store.repositories.postgresSearchIndex.match(tsquery, guideIds, limit),
      };
    },
  };
}
