import { Kysely, SqliteDialect, type Transaction } from 'kysely';
import type { Logger } from '../lib/logger.ts';
import type { DocumentStore } from './documentStore.ts';
import { migrateToLatest } from './migrations/index.ts';
import { createRepositories, type Repositories } from './repositories/index.ts';
import type { DatabaseSchema } from './schema.ts';
import { openSqlite, sqliteFilePath, type SqliteSynchronous } from './sqlite/database.ts';
import { lockDatabaseFile, type InstanceLock } from './sqlite/instanceLock.ts';
import { createSqliteDocumentStore } from './sqlite/sqliteDocumentStore.ts';
import { createWriteProbe, openCheckedSqlite } from './sqlite/startupChecks.ts';
import { StoreHealth, withWriteHealth } from './storeHealth.ts';

export type { DocumentStore, StoredDocument, AppendEntry, UpdateAuthor } from './documentStore.ts';
export { serverAuthorId } from './documentStore.ts';
export type * from './repositories/index.ts';
export type { StoreProblem } from './storeHealth.ts';

export interface Persistence {
  /** The collaboration hot path: synchronous, prepared statements, group commit. */
  documents: DocumentStore;
  /** Everything else, through Kysely (the same code will run on PostgreSQL). */
  repositories: Repositories;
  /** Runs `work` in one transaction; its repositories see and write only inside it. */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  /** Whether document writes succeed (the server only; the command line does not track it). */
  health: StoreHealth | undefined;
  /** SQL statements run through Kysely so far: a list whose cost grows per row shows here. */
  queryCount(): number;
  close(): Promise<void>;
}

/**
 * What the conference services get: the tables and transactions, never the document store, so
 * that only the collaboration server (the document host) writes a guide's content.
 */
export type ConferenceStore = Pick<Persistence, 'repositories' | 'transaction'>;

/** What the server needs beyond the command line: it owns the database while it runs. */
export interface ServerStorageOptions {
  logger: Logger;
  /** While writes fail, how often to try one again (STORE_PROBE_INTERVAL_MS). */
  probeIntervalMs: number;
}

/**
 * Opens the storage named by DATABASE_URL and brings its schema up to date. Only SQLite for now;
 * PostgreSQL plugs in here (a Kysely dialect and a document store on the same pool).
 *
 * Kysely and the document store share one better-sqlite3 connection: the document store's group
 * commit stays synchronous (no await between decoding an update and storing it), and Kysely's
 * async API costs nothing measurable on the low-rate conference tables.
 */
export async function openPersistence(
  databaseUrl: string,
  synchronous?: SqliteSynchronous,
  /**
   * Given by the server, not by `pnpm cli`: one server per database file (instance lock), the
   * file checked sound and writable before anything else, and write failures tracked.
   */
  asServer?: ServerStorageOptions,
): Promise<Persistence> {
  const filePath = sqliteFilePath(databaseUrl);
  let lock: InstanceLock | undefined;
  if (asServer && filePath !== ':memory:') lock = lockDatabaseFile(filePath);
  let sqlite;
  try {
    sqlite = asServer
      ? openCheckedSqlite(filePath, synchronous)
      : openSqlite(filePath, synchronous);
  } catch (error) {
    lock?.release();
    throw error;
  }
  let queries = 0;
  const db = new Kysely<DatabaseSchema>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === 'query') queries++;
    },
  });
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    sqlite.close();
    lock?.release();
    throw error;
  }
  let documents = createSqliteDocumentStore(sqlite);
  let health: StoreHealth | undefined;
  if (asServer) {
    health = new StoreHealth(
      createWriteProbe(sqlite),
      asServer.probeIntervalMs,
      asServer.logger.child({ category: 'persistence' }),
    );
    documents = withWriteHealth(documents, health);
  }
  return {
    documents,
    repositories: createRepositories(db),
    transaction: (work) =>
      db.transaction().execute((trx: Transaction<DatabaseSchema>) => work(createRepositories(trx))),
    health,
    queryCount: () => queries,
    close: async () => {
      health?.stop();
      await documents.close();
      // Last: the next server may start only once this one has let go of the file.
      lock?.release();
    },
  };
}
