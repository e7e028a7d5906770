import type { Kysely, Transaction } from 'kysely';
import { createRepositories, type Repositories } from '../repositories/index.ts';
import type { DatabaseSchema } from '../schema.ts';

/** serialization_failure and deadlock_detected: the transaction may simply be run again. */
const retryable = new Set(['40001', '40P01']);
// Twenty people joining through one invite at the same moment all update its row: with 8 tries
// some ran out (a join refused with 500 in the bench's full-size conference); 40 tries with the
// wait growing to ~250 ms gives everyone a turn within a few seconds.
const attempts = 40;

/**
 * `Persistence.transaction` on PostgreSQL. The services count and then write inside one
 * transaction ("fewer than 50 threads? then add one"), which SQLite's single connection runs
 * one at a time. PostgreSQL's default (READ COMMITTED) would let two such transactions both
 * count 49 and both add; SERIALIZABLE makes one of them fail instead, and it is run again from
 * the start, seeing the other's row. `work` only touches the database through the repositories
 * it is given, so running it again is safe.
 */
export async function serializableTransaction<T>(
  db: Kysely<DatabaseSchema>,
  work: (repositories: Repositories) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db
        .transaction()
        .setIsolationLevel('serializable')
        .execute((trx: Transaction<DatabaseSchema>) => work(createRepositories(trx)));
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= attempts || typeof code !== 'string' || !retryable.has(code)) throw error;
      // A little random wait, growing, so the transactions that collided do not collide again.
      await new Promise((resolve) =>
        setTimeout(resolve, Math.random() * Math.min(250, 10 * attempt)),
      );
    }
  }
}
