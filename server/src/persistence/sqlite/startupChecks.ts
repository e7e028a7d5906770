import { userInfo } from 'node:os';
import { StartupError } from '../../lib/startupError.ts';
import { openSqlite, type SqliteDatabase, type SqliteSynchronous } from './database.ts';

/**
 * Opens the server's database and refuses to start on one it cannot serve safely. Without these
 * checks a read-only file started "ready" and then every edit looped on close code 1011, and a
 * file with damaged pages started "ready" and answered 401 to valid sign-ins.
 *
 * - sound: `PRAGMA quick_check` (every page and index entry is well-formed; it skips only the
 *   slower cross-checks of `integrity_check`), so it reads the whole file once at start;
 * - writable: a real write, committed in a transaction (`createWriteProbe`).
 */
export function openCheckedSqlite(path: string, synchronous?: SqliteSynchronous): SqliteDatabase {
  let db: SqliteDatabase | undefined;
  try {
    db = openSqlite(path, synchronous);
    const problems = db
      .prepare<[], { quick_check: string }>('PRAGMA quick_check(5)')
      .all()
      .map((row) => row.quick_check);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw damaged(path, problems.join('; ').replace(/\s*\n\s*/g, ' '));
    }
    createWriteProbe(db)();
    return db;
  } catch (error) {
    if (db?.open) db.close();
    throw explain(error, path);
  }
}

/**
 * A cheap real write: one row of its own table, rewritten in a committed transaction. Used at
 * start, and by the store's health check while writes are failing. Throws what SQLite throws.
 * The table is not part of the schema (migrations): it holds nothing but the time of the last
 * probe, and creating it is the first write a fresh or read-only database sees.
 */
export function createWriteProbe(db: SqliteDatabase): () => void {
  db.exec(
    `CREATE TABLE IF NOT EXISTS draftroom_write_probe (
       id INTEGER PRIMARY KEY CHECK (id = 1), written_at TEXT NOT NULL)`,
  );
  const write = db.prepare<[string]>(
    `INSERT INTO draftroom_write_probe (id, written_at) VALUES (1, ?)
     ON CONFLICT (id) DO UPDATE SET written_at = excluded.written_at`,
  );
  const probe = db.transaction(() => write.run(new Date().toISOString()));
  return () => {
    // Inside another transaction this would be a savepoint, not a commit: not a real write.
    if (db.inTransaction) throw new Error('another transaction is open; the probe will retry');
    probe();
  };
}

function damaged(path: string, found: string): StartupError {
  return new StartupError(
    'database_damaged',
    `The database ${path} is damaged (SQLite's check found: ${found.slice(0, 300)}). Draftroom ` +
      `will not start on it, because it could serve wrong data and lose edits. Stop, keep this ` +
      `file aside for investigation, restore your latest backup to ${path}, and start again.`,
  );
}

/** SQLite's error codes, as an operator would put them: damaged, or not writable by us. */
function explain(error: unknown, path: string): unknown {
  if (error instanceof StartupError) return error;
  const code = (error as { code?: unknown }).code;
  const message = (error as Error).message;
  if (typeof code !== 'string') return error;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return damaged(path, `${message} (${code})`);
  }
  if (
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_IOERR') ||
    code === 'SQLITE_PERM' ||
    code === 'SQLITE_FULL'
  ) {
    return new StartupError(
      'database_unwritable',
      `The database ${path} cannot be written by this server (user ${userName()}): ${message} ` +
        `(${code}). Every edit would be refused. Make the file, its -wal and -shm files and its ` +
        `folder writable by the user that runs Draftroom (and free disk space if it is full), ` +
        `or restore a writable copy from your backup, then start again.`,
    );
  }
  return error;
}

function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return `uid ${process.getuid?.() ?? '?'}`;
  }
}
