import type { Db } from './database.ts';

/** Who plans to attend which session (migration 0016, `session_attendance`). */
export function attendanceRepository(db: Db) {
  return {
    /** Marks the plan; marking it twice keeps the first mark (and its time). */
    async plan(sessionId: string, personId: string): Promise<void> {
      await db
        .insertInto('session_attendance')
        .values({
          session_id: sessionId,
          person_id: personId,
          created_at: new Date().toISOString(),
        })
        .onConflict((conflict) => conflict.columns(['session_id', 'person_id']).doNothing())
        .execute();
    },
    async unplan(sessionId: string, personId: string): Promise<void> {
      await db
        .deleteFrom('session_attendance')
        .where('session_id', '=', sessionId)
        .where('person_id', '=', personId)
        .execute();
    },
    /** The sessions a person plans to attend, in the order they marked them. */
    async sessionIdsOf(personId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('session_attendance')
        .select('session_id')
        .where('person_id', '=', personId)
        .orderBy('created_at')
        .orderBy('session_id')
        .execute();
      return rows.map((row) => row.session_id);
    },
    /** How many plan to attend each of these sessions; a session nobody marked is left out. */
    async countsBySession(sessionIds: readonly string[]): Promise<Map<string, number>> {
      if (sessionIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('session_attendance')
        .select(['session_id', (eb) => eb.fn.countAll<number>().as('count')])
        .where('session_id', 'in', sessionIds)
        .groupBy('session_id')
        .execute();
      // PostgreSQL counts in bigint, which the driver hands over as a string.
      return new Map(rows.map((row) => [row.session_id, Number(row.count)]));
    },
  };
}
