import type { ConferenceStore } from '../../persistence/index.ts';
import type { TextBlock } from './guideBlocks.ts';
import { matchExpression, queryWords, termsOf } from './folding.ts';

export interface IndexHit {
  guideId: string;
  block: number;
  dir: 'ltr' | 'rtl' | null;
  /** The block's whole text (the service cuts the snippet). */
  text: string;
}

/**
 * The search index, whatever stores it: SQLite FTS5 (`sqliteSearchIndex`) or PostgreSQL's
 * full-text search (`postgresSearchIndex`: tsvector + GIN), the same words folded the same way,
 * so both find the same blocks; `searchIndexFor` picks by dialect. Access is not its business:
 * callers pass the guides the viewer may read.
 */
export interface SearchIndex {
  /**
   * Replaces everything indexed for the guide with these blocks. With `seen` (the guide's
   * `staleMark` read before its text was), the guide stays stale if marked again since.
   */
  update(guideId: string, blocks: readonly TextBlock[], seen?: number): Promise<void>;
  /** Forgets the guide. */
  remove(guideId: string): Promise<void>;
  /** The guide has edits not indexed yet (so a restart catches up if they are lost). */
  markStale(guideId: string): Promise<void>;
  /** How many times the guide was marked stale since it was last indexed (0: not stale). */
  staleMark(guideId: string): Promise<number>;
  /** Guides never indexed, or stale. */
  pending(): Promise<string[]>;
  /**
   * Blocks holding every word of `query` (each word a prefix; diacritics, case and Arabic letter
   * forms ignored) among `guideIds`, best first. `words` are the folded words searched for.
   */
  query(
    query: string,
    guideIds: readonly string[],
    limit: number,
  ): Promise<{ words: string[]; hits: IndexHit[] }>;
}

/** The index in SQLite's FTS5 (migration 0011), through the conference store's transactions. */
export function sqliteSearchIndex(store: ConferenceStore, now = () => new Date()): SearchIndex {
  return {
    update: (guideId, blocks, seen) =>
      store.transaction((repos) =>
        repos.searchIndex.replaceGuide(
          guideId,
          blocks.map((block) => ({ ...block, terms: termsOf(block.text) })),
          now().toISOString(),
          seen,
        ),
      ),
    remove: (guideId) => store.transaction((repos) => repos.searchIndex.removeGuide(guideId)),
    markStale: (guideId) => store.repositories.searchIndex.markStale(guideId),
    staleMark: (guideId) => store.repositories.searchIndex.staleMark(guideId),
    pending: () => store.repositories.searchIndex.guidesToIndex(),
    async query(query, guideIds, limit) {
      const words = queryWords(query);
      const expression = matchExpression(words);
      if (expression === null) return { words, hits: [] };
      return {
        words,
        hits: await store.repositories.searchIndex.match(expression, guideIds, limit),
      };
    },
  };
}
