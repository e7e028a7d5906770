import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** What `exclusively` answers: the work's value, or that another instance was doing it. */
export type ExclusiveOutcome<T> = { ran: true; value: T } | { ran: false };

/**
 * Runs work that must happen on one server instance at a time (seeding the first start, a
 * scheduled freeze). On PostgreSQL it holds an advisory lock named after the work for as long
 * as the work runs: a transaction on a connection of its own takes the lock and stays open
 * meanwhile (the lock ends with it, even if this process dies), while the work itself uses the
 * pool as usual. `wait`: wait for the other instance to finish, then run (seeding: the second
 * instance then finds the demo made); otherwise skip (a freeze another instance is doing).
 * On SQLite there is one server per database file (the instance lock), so the work just runs.
 */
export async function exclusively<T>(
  db: Kysely<unknown>,
  name: string,
  work: () => Promise<T>,
  options: { wait: boolean },
): Promise<ExclusiveOutcome<T>> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    return { ran: true, value: await work() };
  }
  return db.transaction().execute(async (trx) => {
    if (options.wait) {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${name}))`.execute(trx);
    } else {
      const { rows } = await sql<{
        locked: boolean;
      }>`SELECT pg_try_advisory_xact_lock(hashtext(${name})) AS locked`.execute(trx);
      if (!rows[0]?.locked) return { ran: false } as const;
    }
    return { ran: true, value: await work() } as const;
  });
}
