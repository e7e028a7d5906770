import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StartupError } from '../../lib/startupError.ts';

export interface InstanceLock {
  /** The lock file, next to the database. */
  readonly path: string;
  release(): void;
}

/**
 * One server process per database file. Two servers on one file each compact by deleting the
 * appended rows up to their own last seq, so each deletes edits only the other has in memory.
 *
 * The lock is SQLite's own, held on a sidecar file (`<database>.lock`, an empty SQLite
 * database): an exclusive transaction in exclusive locking mode, open for the life of the
 * process. SQLite takes it with POSIX advisory locks, which the kernel drops the moment the
 * process dies, `kill -9` included, so a restart never waits for a stale lock and there is no
 * pid file to clean up. SQLite also refuses a second holder inside the same process. The
 * database itself stays unlocked, so `pnpm cli` keeps working next to a running server.
 *
 * The file is never deleted: removing it while another process is opening it would let two
 * processes lock two different files of the same name.
 */
export function lockDatabaseFile(databasePath: string): InstanceLock {
  const path = `${databasePath}.lock`;
  let lock: Database.Database;
  try {
    mkdirSync(dirname(path), { recursive: true });
    // timeout 0: a held lock is an answer, not something to wait for.
    lock = new Database(path, { timeout: 0 });
  } catch (error) {
    throw new StartupError(
      'database_unwritable',
      `Cannot create the lock file ${path} (${(error as Error).message}). The folder of the ` +
        `database must be writable by the user that runs Draftroom; fix its permissions and start again.`,
    );
  }
  try {
    // Nothing is ever written to this file, so its rollback journal can stay in memory.
    lock.pragma('journal_mode = MEMORY');
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
    // A write proves the lock is ours: on a lock file this user may not write, SQLite opens it
    // read-only and BEGIN EXCLUSIVE succeeds without excluding anyone. Never committed, so the
    // file stays empty.
    lock.exec('CREATE TABLE IF NOT EXISTS held_by_a_running_server (since TEXT)');
  } catch (error) {
    lock.close();
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_READONLY')) {
      throw new StartupError(
        'database_unwritable',
        `Cannot lock ${path}: this user may not write it. It keeps a second Draftroom server off ` +
          `the database ${databasePath}; make it (and its folder) writable by the user that runs ` +
          `Draftroom, and start again.`,
      );
    }
    if (code.startsWith('SQLITE_BUSY')) {
      throw new StartupError(
        'database_in_use',
        `Another Draftroom server is using the database ${databasePath} (it holds ${path}), so ` +
          `this one will not start: two servers on one database delete each other's edits. Stop ` +
          `the other server first, or give this one its own DATABASE_URL. (The command line, ` +
          `pnpm cli, may run next to a server.)`,
      );
    }
    throw error;
  }
  return {
    path,
    release() {
      // Closing ends the transaction, which releases the lock for the next server.
      if (lock.open) lock.close();
    },
  };
}
