import type { ConferenceStore, Dialect } from '../../persistence/index.ts';
import { postgresSearchIndex } from './postgresSearchIndex.ts';
import { sqliteSearchIndex, type SearchIndex } from './searchIndex.ts';

/** The search index for the database the conference store runs on. */
export function searchIndexFor(dialect: Dialect, store: ConferenceStore): SearchIndex {
  return dialect === 'postgres' ? postgresSearchIndex(store) : sqliteSearchIndex(store);
}
