import type pg from 'pg';

/**
 * A cheap real write, as on SQLite (sqlite/startupChecks.ts): one row of its own table,
 * rewritten and committed. Used at start and by the store's health check while writes fail.
 * Every instance writes the same row; that costs a row lock held for one statement.
 */
export async function createPostgresWriteProbe(pool: pg.Pool): Promise<() => Promise<void>> {
  try {
    await pool.query(
      `CREATE TABLE IF NOT EXISTS draftroom_write_probe (
         id integer PRIMARY KEY CHECK (id = 1), written_at text NOT NULL)`,
    );
  } catch (error) {
    // Two instances starting at once may both create it; the loser sees a duplicate (23505 on
    // the catalog, or 42P07), and the table is there either way.
    const code = (error as { code?: unknown }).code;
    if (code !== '23505' && code !== '42P07') throw error;
  }
  return async () => {
    await pool.query(
      `INSERT INTO draftroom_write_probe (id, written_at) VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE SET written_at = excluded.written_at`,
      [new Date().toISOString()],
    );
  };
}
