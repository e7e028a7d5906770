import type { Kysely } from 'kysely';

/**
 * Locked guides: a row while the guide is locked (participants read it, its facilitators and the
 * organisers still write), deleted on unlock. Part of each guide's permission, which the server
 * decides on every socket and tells open ones at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('guide_locks')
    .addColumn('guide_id', 'text', (c) => c.primaryKey())
    .addColumn('locked_at', 'text', (c) => c.notNull())
    // Who locked it (a person id), or null when the session's scheduled freeze did.
    .addColumn('locked_by', 'text')
    // 'facilitator' (by hand) or 'freeze' (at the session's end)
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
}
