import type { Db } from './database.ts';

export type LockReason = 'facilitator' | 'freeze';

export interface GuideLockRecord {
  guideId: string;
  lockedAt: string;
  /** The person who locked it; null for the session's scheduled freeze. */
  lockedBy: string | null;
  reason: LockReason;
}

const toLock = (row: {
  guide_id: string;
  locked_at: string;
  locked_by: string | null;
  reason: string;
}): GuideLockRecord => ({
  guideId: row.guide_id,
  lockedAt: row.locked_at,
  lockedBy: row.locked_by,
  reason: row.reason as LockReason,
});

export function guideLocksRepository(db: Db) {
  return {
    async get(guideId: string): Promise<GuideLockRecord | undefined> {
      const row = await db
        .selectFrom('guide_locks')
        .selectAll()
        .where('guide_id', '=', guideId)
        .executeTakeFirst();
      return row && toLock(row);
    },
    /** The locks of those of `guideIds` that are locked. */
    async among(guideIds: readonly string[]): Promise<Map<string, GuideLockRecord>> {
      if (guideIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('guide_locks')
        .selectAll()
        .where('guide_id', 'in', guideIds)
        .execute();
      return new Map(rows.map((row) => [row.guide_id, toLock(row)]));
    },
    /** Locks each guide not locked yet; returns the ids it locked (already locked stay as they were). */
    async lock(
      guideIds: readonly string[],
      lock: Omit<GuideLockRecord, 'guideId'>,
    ): Promise<string[]> {
      const locked: string[] = [];
      for (const guideId of guideIds) {
        const result = await db
          .insertInto('guide_locks')
          .values({
            guide_id: guideId,
            locked_at: lock.lockedAt,
            locked_by: lock.lockedBy,
            reason: lock.reason,
          })
          .onConflict((conflict) => conflict.column('guide_id').doNothing())
          .executeTakeFirst();
        if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) locked.push(guideId);
      }
      return locked;
    },
    /** Unlocks each guide that is locked; returns the ids it unlocked. */
    async unlock(guideIds: readonly string[]): Promise<string[]> {
      if (guideIds.length === 0) return [];
      const rows = await db
        .deleteFrom('guide_locks')
        .where('guide_id', 'in', guideIds)
        .returning('guide_id')
        .execute();
      return rows.map((row) => row.guide_id);
    },
  };
}
