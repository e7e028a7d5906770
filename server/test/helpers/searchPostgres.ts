import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import * as searchMigration from '../../src/persistence/migrations/0011_search.ts';
import * as searchPostgresMigration from '../../src/persistence/migrations/0014_search_postgres.ts';
import type { ConferenceStore } from '../../src/persistence/index.ts';
import { createRepositories } from '../../src/persistence/repositories/index.ts';
import type { DatabaseSchema } from '../../src/persistence/schema.ts';

/** Where tests create their databases: the machine's PostgreSQL unless TEST_POSTGRES_URL says. */
const serverUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `These tests need PostgreSQL at ${serverUrl} (set TEST_POSTGRES_URL to use another): ${String(error)}`,
      { cause: error },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface SearchPostgres {
  db: Kysely<DatabaseSchema>;
  /** The conference store over it, as the server builds one. */
  store: ConferenceStore;
  /** Another pool and store on the same database: another server instance. */
  another(): { store: ConferenceStore; close(): Promise<void> };
  /** Empties the search tables and guides between tests. */
  clear(): Promise<void>;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/**
 * A fresh PostgreSQL database (unique name, dropped by `drop`) with just what the search index
 * needs: migrations 0011 and 0014, and a `guides` table standing in for 0001/0002's (which do
 * not run on PostgreSQL on main yet) for `pending`.
 */
export async function searchPostgres(): Promise<SearchPostgres> {
  const name = `draftroom_search_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const open = () =>
    new Kysely<DatabaseSchema>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: url.toString(), max: 4 }),
      }),
    });
  const db = open();
  const drop = async () => {
    await db.destroy();
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  };
  try {
    await sql`CREATE TABLE guides (
      id text PRIMARY KEY, title text NOT NULL, created_at text NOT NULL, event_id text
    )`.execute(db);
    // In one transaction, as Kysely's migrator runs each migration on PostgreSQL.
    await (db as Kysely<unknown>).transaction().execute(async (trx) => {
      await searchMigration.up(trx);
      await searchPostgresMigration.up(trx);
    });
  } catch (error) {
    await drop();
    throw error;
  }
  return {
    db,
    store: storeOver(db),
    another() {
      const other = open();
      return { store: storeOver(other), close: () => other.destroy() };
    },
    clear: async () => {
      await sql`TRUNCATE search_blocks, search_guides, guides`.execute(db);
    },
    drop,
  };
}

/** A conference store over a Kysely instance, as `openPersistence` builds one. */
function storeOver(db: Kysely<DatabaseSchema>): ConferenceStore {
  return {
    repositories: createRepositories(db),
    transaction: (work) =>
      db.transaction().execute((trx: Transaction<DatabaseSchema>) => work(createRepositories(trx))),
  };
}
