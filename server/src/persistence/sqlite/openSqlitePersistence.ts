import { exclusively } from '../exclusive.ts';
import { Kysely, SqliteDialect, type Transaction } from 'kysely';
import { migrateToLatest } from '../migrations/index.ts';
import type { Persistence, ServerStorageOptions } from '../persistence.ts';
import { createRepositories } from '../repositories/index.ts';
import type { DatabaseSchema } from '../schema.ts';
import { StoreHealth, withWriteHealth } from '../storeHealth.ts';
import { openSqlite, sqliteFilePath, type SqliteSynchronous } from './database.ts';
import { lockDatabaseFile, type InstanceLock } from './instanceLock.ts';
import { createSqliteDocumentStore } from './sqliteDocumentStore.ts';
import { createWriteProbe, openCheckedSqlite } from './startupChecks.ts';

/**
 * The embedded default: one SQLite file, one server.
 *
 * Kysely and the document store share one better-sqlite3 connection: the document store's group
 * commit stays synchronous (no await between decoding an update and storing it), and Kysely's
 * async API costs nothing measurable on the low-rate conference tables.
 */
export async function openSqlitePersistence(
  databaseUrl: string,
  synchronous?: SqliteSynchronous,
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
    dialect: 'sqlite',
    exclusively: (name, work, options) => exclusively(db as Kysely<unknown>, name, work, options),
    queryCount: () => queries,
    close: async () => {
      health?.stop();
      await documents.close();
      // Last: the next server may start only once this one has let go of the file.
      lock?.release();
    },
  };
}
