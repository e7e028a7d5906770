import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/**
 * The machine's PostgreSQL as the bench needs it: a fresh database per server under test
 * (created, then dropped), and what the database server did meanwhile (its backends' process
 * ids, commits, WAL written). Spoken to with `psql`, PostgreSQL's own client, which is on every
 * machine that has PostgreSQL: the bench then needs no driver of its own, and whichever driver
 * the server uses is what is measured.
 *
 * The admin URL names a database this user may create databases from; the bench's databases get
 * the same host, user and options.
 */
export const postgresAdminUrl =
  process.env.BENCH_POSTGRES_URL ??
  process.env.DRAFTROOM_TEST_POSTGRES_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

/** Every database the bench makes is called this, then its process id and a random tail. */
const prefix = 'draftroom_bench_';
const benchName = /^draftroom_bench_(\d+)_[a-z0-9]+$/;

/** Runs SQL through psql; the rows, each split into its columns. */
export function psql(sql: string, url = postgresAdminUrl, timeoutMs = 15_000): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    execFile(
      'psql',
      [url, '-X', '-A', '-t', '-q', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', sql],
      { timeout: timeoutMs, encoding: 'utf8', env: { ...process.env, PGCONNECT_TIMEOUT: '5' } },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`psql: ${(stderr || error.message).trim()}`));
          return;
        }
        resolve(
          stdout
            .split('\n')
            .filter((line) => line.length > 0)
            .map((line) => line.split('\t')),
        );
      },
    );
  });
}

/** Whether PostgreSQL answers at the admin URL and lets its user create databases. */
export async function postgresReachable(): Promise<{ ok: boolean; why?: string }> {
  try {
    const rows = await psql(
      'SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user',
    );
    return rows[0]?.[0] === 't'
      ? { ok: true }
      : { ok: false, why: `its user may not create databases (${shownUrl(postgresAdminUrl)})` };
  } catch (error) {
    return { ok: false, why: `${shownUrl(postgresAdminUrl)}: ${(error as Error).message}` };
  }
}

/** The URL without its password, for messages. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database. Databases left by a bench process that is no longer running (it
 * crashed, or was killed before dropping them) are dropped first.
 */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  await dropLeftovers();
  const name = `${prefix}${process.pid}_${randomBytes(4).toString('hex')}`;
  await psql(`CREATE DATABASE "${name}"`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    // FORCE: a server that did not stop cleanly may still hold connections.
    drop: async () => void (await psql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

async function dropLeftovers(): Promise<void> {
  const rows = await psql(`SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%'`);
  for (const [name = ''] of rows) {
    const owner = Number(benchName.exec(name)?.[1]);
    if (!Number.isInteger(owner) || owner === process.pid || alive(owner)) continue;
    await psql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What PostgreSQL has done so far, for one database and for the whole server. */
export interface PostgresCounters {
  /** Transactions committed in the database (pg_stat_database.xact_commit). */
  commits: number;
  /** Rows inserted into the database's tables. */
  rowsInserted: number;
  /** WAL position in bytes: every database of the server writes there. */
  walBytes: number;
  /** Process ids of the database's backends (its clients' connections). */
  backendPids: number[];
  /** Process ids of the server's own background processes (WAL writer, checkpointer, …). */
  backgroundPids: number[];
}

export async function postgresCounters(database: string): Promise<PostgresCounters> {
  if (!/^[a-z0-9_]+$/.test(database)) throw new Error(`unexpected database name ${database}`);
  // PostgreSQL 15 backends add their counts to pg_stat_database at most once a second while
  // busy, so a reading may miss the last second's commits: small beside a minute's window.
  const rows = await psql(
    `SELECT 'db', xact_commit::text, tup_inserted::text FROM pg_stat_database WHERE datname = '${database}'
     UNION ALL SELECT 'wal', (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint::text, ''
     UNION ALL SELECT CASE WHEN datname = '${database}' THEN 'backend' ELSE 'background' END, pid::text, ''
       FROM pg_stat_activity
       WHERE (datname = '${database}' AND pid <> pg_backend_pid()) OR backend_type IN
         ('walwriter', 'checkpointer', 'background writer', 'autovacuum launcher', 'autovacuum worker', 'walsender')`,
  );
  const counters: PostgresCounters = {
    commits: 0,
    rowsInserted: 0,
    walBytes: 0,
    backendPids: [],
    backgroundPids: [],
  };
  for (const [kind, first = '', second = ''] of rows) {
    if (kind === 'db') {
      counters.commits = Number(first);
      counters.rowsInserted = Number(second);
    } else if (kind === 'wal') counters.walBytes = Number(first);
    else if (kind === 'backend') counters.backendPids.push(Number(first));
    else counters.backgroundPids.push(Number(first));
  }
  return counters;
}

/**
 * How many guides have stored content in the database (updates or a compacted state): read from
 * the tables themselves, so it proves the server wrote there, whatever the statistics lag.
 */
export async function guidesStored(database: BenchDatabase): Promise<number> {
  const rows = await psql(
    `SELECT count(DISTINCT document_id) FROM (SELECT document_id FROM document_updates
       UNION ALL SELECT document_id FROM document_states) AS stored`,
    database.url,
  );
  return Number(rows[0]?.[0] ?? 0);
}
