import type { SqliteSynchronous } from './sqlite/database.ts';
import { openSqlitePersistence } from './sqlite/openSqlitePersistence.ts';
import { isPostgresUrl } from './postgres/pool.ts';
import { openPostgresPersistence } from './postgres/openPostgresPersistence.ts';
import type { Persistence, ServerStorageOptions } from './persistence.ts';

export type { DocumentStore, StoredDocument, AppendEntry, UpdateAuthor } from './documentStore.ts';
export { serverAuthorId } from './documentStore.ts';
export type * from './repositories/index.ts';
export type { StoreProblem } from './storeHealth.ts';
export type { Persistence, ServerStorageOptions } from './persistence.ts';
export type { SqlDialect } from './dialect.ts';
export { isPostgresUrl, redactDatabaseUrl } from './postgres/pool.ts';

/**
 * What the conference services get: the tables and transactions, never the document store, so
 * that only the collaboration server (the document host) writes a guide's content.
 */
export type ConferenceStore = Pick<Persistence, 'repositories' | 'transaction'>;

/**
 * Opens the storage named by DATABASE_URL and brings its schema up to date: PostgreSQL for a
 * `postgres://` or `postgresql://` URL (shared by several server instances), otherwise the
 * SQLite file it names (the embedded default, one server per file).
 */
export async function openPersistence(
  databaseUrl: string,
  /** SQLite only: see SQLITE_SYNCHRONOUS. */
  synchronous?: SqliteSynchronous,
  /**
   * Given by the server, not by `pnpm cli`: the database checked reachable and writable before
   * anything else, write failures tracked, and on SQLite one server per file (instance lock).
   */
  asServer?: ServerStorageOptions,
): Promise<Persistence> {
  return isPostgresUrl(databaseUrl)
    ? openPostgresPersistence(databaseUrl, asServer)
    : openSqlitePersistence(databaseUrl, synchronous, asServer);
}
