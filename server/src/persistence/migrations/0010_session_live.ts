import type { Kysely } from 'kysely';
import { bigIntegerType } from '../dialect.ts';

/**
 * What a co-creation session shows live in every group, kept so that it survives a restart:
 * its phase, timer and scheduled freeze (one row per session, written when a facilitator changes
 * them), and the announcements sent to all of its groups or to one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('session_live')
    .addColumn('session_id', 'text', (c) => c.primaryKey())
    .addColumn('phase', 'text')
    // 'running' (ends at timer_ends_at) or 'paused' (timer_remaining_ms left); null: no timer.
    .addColumn('timer_state', 'text')
    .addColumn('timer_ends_at', 'text')
    .addColumn('timer_remaining_ms', bigIntegerType(db))
    .addColumn('timer_duration_ms', bigIntegerType(db))
    // The scheduled freeze: at freeze_at every guide of the session gets a version, then a lock;
    // frozen_at says it was done (so a restart neither misses nor repeats it).
    .addColumn('freeze_at', 'text')
    .addColumn('frozen_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('session_live_freeze')
    .on('session_live')
    .columns(['frozen_at', 'freeze_at'])
    .execute();
  await db.schema
    .createTable('session_announcements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('from_name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('session_announcements_session')
    .on('session_announcements')
    .columns(['session_id', 'created_at'])
    .execute();
}
