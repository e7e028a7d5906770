import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type SqliteDatabase = Database.Database;

export type SqliteSynchronous = 'normal' | 'full';

/**
 * Opens (creating if needed) the SQLite file in WAL mode with the settings every connection needs.
 * The schema itself is Kysely's (`../migrations`), applied by `openPersistence`.
 * WAL + synchronous=NORMAL survives a killed process (every committed transaction is in the
 * WAL, in the OS page cache); `full` also survives power loss at the cost of an fsync per commit.
 */
export function openSqlite(
  path: string,
  synchronous: SqliteSynchronous = 'normal',
): SqliteDatabase {
  const filePath = sqliteFilePath(path);
  if (filePath !== ':memory:') mkdirSync(dirname(filePath), { recursive: true });
  const db = new Database(filePath);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** The file named by DATABASE_URL (`file:` and `sqlite:` prefixes are allowed). */
export function sqliteFilePath(databaseUrl: string): string {
  return databaseUrl.replace(/^(sqlite|file):(\/\/)?/, '');
}
