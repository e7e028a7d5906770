import pg from 'pg';
import { StartupError } from '../../lib/startupError.ts';

/** `postgres://` and `postgresql://` URLs name a PostgreSQL database; anything else is SQLite. */
export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//i.test(databaseUrl);
}

/** The URL without its password, for logs and error messages (never print the password). */
export function redactDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    // Not parseable: say nothing of it rather than risk printing a password.
    return 'postgres://(unparseable URL)';
  }
}

// Type parsers of this pool only (pg's defaults are process-wide, and other code may use pg).
// bigint (count(*), sequence numbers) and numeric (sum()) arrive as strings by default, because
// they may pass 2^53; every value Draftroom stores in them stays far below it (a sequence
// would need 9 million million appended updates), and the repositories expect numbers, as
// SQLite gives. bytea arrives as a Buffer (a Uint8Array) already.
const int8 = 20;
const numeric = 1700;
export const postgresTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === int8 || oid === numeric) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export interface PostgresPoolOptions {
  /** Connections per instance; every instance of the server has its own pool. */
  max?: number;
}

export function createPostgresPool(
  databaseUrl: string,
  options: PostgresPoolOptions = {},
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    types: postgresTypes,
    max: options.max ?? 10,
    // A server that cannot reach the database must say so, not hang.
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client's connection dropping (a database restart) is reported here; without a
  // listener it would crash the process. The next query opens a new connection.
  pool.on('error', () => {});
  // A client in use (a transaction held open meanwhile, as `exclusively` does) emits its
  // connection's end on the client itself, where nothing listens: that crashed the process when
  // PostgreSQL terminated its connections. The query in flight still fails (and is handled).
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

/**
 * Refuses to start when PostgreSQL cannot be reached or refuses us, naming the database
 * (without its password) and what to check.
 */
export async function checkReachable(pool: pg.Pool, databaseUrl: string): Promise<void> {
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    const message = (error as Error).message || String(error);
    const code = (error as { code?: unknown }).code;
    throw new StartupError(
      'database_unreachable',
      `PostgreSQL is not reachable at ${redactDatabaseUrl(databaseUrl)}: ${message}` +
        `${typeof code === 'string' ? ` (${code})` : ''}. Check that the server is running and ` +
        `accepts this user, and that the database exists, then start again.`,
    );
  }
}
