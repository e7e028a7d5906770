import { exclusively } from '../exclusive.ts';
import { Kysely, PostgresDialect } from 'kysely';
import { StartupError } from '../../lib/startupError.ts';
import { migrateToLatest } from '../migrations/index.ts';
import type { Persistence, ServerStorageOptions } from '../persistence.ts';
import { createRepositories } from '../repositories/index.ts';
import type { DatabaseSchema } from '../schema.ts';
import { StoreHealth, withWriteHealth } from '../storeHealth.ts';
import { checkReachable, createPostgresPool, redactDatabaseUrl } from './pool.ts';
import { createPostgresDocumentStore } from './postgresDocumentStore.ts';
import { serializableTransaction } from './transactions.ts';
import { createPostgresWriteProbe } from './writeProbe.ts';

/**
 * PostgreSQL, shared by any number of server instances: no instance lock (the document store is
 * written for several writers), one pool per instance used by Kysely and the document store.
 * Migrations are safe to run from instances starting together: Kysely's migrator holds an
 * advisory lock while it runs them.
 */
export async function openPostgresPersistence(
  databaseUrl: string,
  asServer?: ServerStorageOptions,
): Promise<Persistence> {
  const pool = createPostgresPool(databaseUrl);
  let queries = 0;
  const db = new Kysely<DatabaseSchema>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') queries++;
    },
  });
  let probe: (() => Promise<void>) | undefined;
  try {
    await checkReachable(pool, databaseUrl);
    await migrateToLatest(db as Kysely<unknown>);
    if (asServer) {
      probe = await createPostgresWriteProbe(pool);
      await probe().catch((error: unknown) => {
        throw new StartupError(
          'database_unwritable',
          `PostgreSQL at ${redactDatabaseUrl(databaseUrl)} refuses writes: ` +
            `${(error as Error).message}. Every edit would be refused; give this user write ` +
            `access (and point DATABASE_URL at the primary, not a read replica), then start again.`,
        );
      });
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }
  let documents = createPostgresDocumentStore(pool);
  let health: StoreHealth | undefined;
  if (asServer && probe) {
    health = new StoreHealth(
      probe,
      asServer.probeIntervalMs,
      asServer.logger.child({ category: 'persistence' }),
    );
    documents = withWriteHealth(documents, health);
  }
  return {
    documents,
    repositories: createRepositories(db),
    transaction: (work) => serializableTransaction(db, work),
    health,
    dialect: 'postgres',
    exclusively: (name, work, options) => exclusively(db as Kysely<unknown>, name, work, options),
    queryCount: () => queries,
    close: async () => {
      health?.stop();
      await documents.close();
      // Ends the pool, once every query in flight has finished.
      await db.destroy();
    },
  };
}
