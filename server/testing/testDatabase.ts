import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { isPostgresUrl, openPersistence } from '../src/persistence/index.ts';
import { migrationsFingerprint } from '../src/persistence/migrations/index.ts';
import { postgresTypes } from '../src/persistence/postgres/pool.ts';

/**
 * Where tests keep their data. `DRAFTROOM_TEST_BACKEND=postgres` runs every test that opens
 * storage on a fresh PostgreSQL database of its own, created from DRAFTROOM_TEST_POSTGRES_URL
 * (a database this user may create databases from) and dropped afterwards; otherwise each test
 * has a SQLite file in its temporary directory, as always.
 *
 * A test's data directory stands for its database either way: on PostgreSQL the database's URL
 * is remembered in the directory, so a test that restarts a server over the same directory
 * finds the same data, and `removeTestData` drops what the directory named.
 */
export type TestBackend = 'sqlite' | 'postgres';

export const testBackend: TestBackend =
  process.env.DRAFTROOM_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';

/** For `it.skipIf(onPostgres)` on tests about the SQLite file itself. */
export const onPostgres = testBackend === 'postgres';

export const testPostgresUrl =
  process.env.DRAFTROOM_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The Redis of the PostgreSQL + Redis run (`pnpm test:postgres` starts it): test servers started
 * without a REDIS_URL of their own use it, each under its own key prefix. Unset on SQLite.
 */
export const testRedisUrl = process.env.DRAFTROOM_TEST_REDIS_URL;

const registryFile = '.test-databases.json';
let created = 0;

/**
 * The database named `name` of the data directory `dataDir`: on SQLite the file `name` in it, on
 * PostgreSQL a database created the first time it is asked for (its URL is returned).
 */
export async function testDatabaseUrl(dataDir: string, name = 'draftroom.sqlite'): Promise<string> {
  if (!onPostgres) return join(dataDir, name);
  const registry = readRegistry(dataDir);
  const known = registry[name];
  if (known) return known;
  const url = await createPostgresTestDatabase();
  registry[name] = url;
  writeFileSync(join(dataDir, registryFile), JSON.stringify(registry));
  return url;
}

/**
 * A fresh, empty PostgreSQL database; its URL. Named after the run (DRAFTROOM_TEST_RUN_ID, set
 * by scripts/postgresTests.mjs, which drops whatever a crashed test left), the process and a
 * counter, so parallel test files never share one.
 */
export async function createPostgresTestDatabase(): Promise<string> {
  const run = (process.env.DRAFTROOM_TEST_RUN_ID ?? 'local').replace(/[^a-z0-9]/gi, '');
  const random = Math.random().toString(36).slice(2, 8);
  const database = `draftroom_test_${run}_${process.pid}_${++created}_${random}`.toLowerCase();
  const template = await migratedTemplate();
  await withAdmin((client) => client.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`));
  return urlOf(database);
}

function urlOf(database: string): string {
  const url = new URL(testPostgresUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

let template: Promise<string> | undefined;

/**
 * A database with every migration applied, which test databases are copied from: a copy costs
 * what creating an empty database does, and running the migrations on each would cost about
 * as much again, for every server a test starts. Named after the migrations' code, so a changed
 * migration makes a new one; kept between runs (it holds nothing but the schema). Made under
 * an advisory lock, as another name first and renamed once migrated, so parallel test
 * processes never copy a half-made one.
 */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const name = `draftroom_test_template_${migrationsFingerprint()}`;
    await withAdmin(async (client) => {
      await client.query("SELECT pg_advisory_lock(hashtext('draftroom_test_template'))");
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount) return;
        const making = `${name}_making_${process.pid}`;
        await client.query(`DROP DATABASE IF EXISTS "${making}"`);
        await client.query(`CREATE DATABASE "${making}"`);
        await (await openPersistence(urlOf(making))).close();
        await client.query(`ALTER DATABASE "${making}" RENAME TO "${name}"`);
      } finally {
        await client.query("SELECT pg_advisory_unlock(hashtext('draftroom_test_template'))");
      }
    });
    return name;
  })();
  return template;
}

/** Drops a database made by `createPostgresTestDatabase`, even if connections are still open. */
export async function dropPostgresTestDatabase(url: string): Promise<void> {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!database.startsWith('draftroom_test_')) {
    throw new Error(`refusing to drop ${database}: not a test database`);
  }
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
}

/** Drops the PostgreSQL databases the directory names (SQLite files go with the directory). */
export async function dropTestDatabases(dataDir: string): Promise<void> {
  if (!onPostgres) return;
  const registry = readRegistry(dataDir);
  for (const url of Object.values(registry)) await dropPostgresTestDatabase(url);
  // Forgotten, so a second clean-up of the same directory (or of one already deleted) is a no-op.
  rmSync(join(dataDir, registryFile), { force: true });
}

function readRegistry(dataDir: string): Record<string, string> {
  const path = join(dataDir, registryFile);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops the directory's PostgreSQL databases, then deletes the directory. */
export async function removeTestData(dataDir: string): Promise<void> {
  await dropTestDatabases(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * Reads the test's database directly, beside the server (as an operator would): SQL both
 * databases accept, with `?` placeholders. Numbers come back as numbers on both (count, sum).
 */
export async function queryTestDatabase<Row = Record<string, unknown>>(
  databaseUrl: string,
  query: string,
  params: readonly unknown[] = [],
): Promise<Row[]> {
  if (!isPostgresUrl(databaseUrl)) {
    const db = new Database(databaseUrl, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(query).all(...params) as Row[];
    } finally {
      db.close();
    }
  }
  let index = 0;
  const numbered = query.replace(/\?/g, () => `$${++index}`);
  const client = new pg.Client({ connectionString: databaseUrl, types: postgresTypes });
  await client.connect();
  try {
    return (await client.query(numbered, [...params])).rows as Row[];
  } finally {
    await client.end();
  }
}
