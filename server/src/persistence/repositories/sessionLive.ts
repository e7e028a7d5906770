import type { SessionPhase } from '@draftroom/shared';
import type { Db } from './database.ts';

export interface TimerRecord {
  state: 'running' | 'paused';
  endsAt: string | null;
  remainingMs: number;
  durationMs: number;
}

export interface SessionLiveRecord {
  phase: SessionPhase | null;
  timer: TimerRecord | null;
  /** When every guide is to be versioned and locked (null: not scheduled). */
  freezeAt: string | null;
  /** When that was done. */
  frozenAt: string | null;
}

export interface AnnouncementRecord {
  id: string;
  sessionId: string;
  groupId: string | null;
  text: string;
  fromName: string;
  createdBy: string;
  createdAt: string;
}

/** Phase, timer and announcements of sessions (migration 0010). */
export function sessionLiveRepository(db: Db) {
  return {
    async get(sessionId: string): Promise<SessionLiveRecord> {
      const row = await db
        .selectFrom('session_live')
        .selectAll()
        .where('session_id', '=', sessionId)
        .executeTakeFirst();
      const timer: TimerRecord | null =
        row?.timer_state === 'running' || row?.timer_state === 'paused'
          ? {
              state: row.timer_state,
              endsAt: row.timer_ends_at,
              remainingMs: Number(row.timer_remaining_ms ?? 0),
              durationMs: Number(row.timer_duration_ms ?? 0),
            }
          : null;
      return {
        phase: (row?.phase as SessionPhase | null) ?? null,
        timer,
        freezeAt: row?.freeze_at ?? null,
        frozenAt: row?.frozen_at ?? null,
      };
    },
    async save(sessionId: string, live: SessionLiveRecord, at: string): Promise<void> {
      const values = {
        phase: live.phase,
        timer_state: live.timer?.state ?? null,
        timer_ends_at: live.timer?.endsAt ?? null,
        timer_remaining_ms: live.timer?.remainingMs ?? null,
        timer_duration_ms: live.timer?.durationMs ?? null,
        freeze_at: live.freezeAt,
        frozen_at: live.frozenAt,
        updated_at: at,
      };
      await db
        .insertInto('session_live')
        .values({ session_id: sessionId, ...values })
        .onConflict((conflict) => conflict.column('session_id').doUpdateSet(values))
        .execute();
    },
    /** Sessions whose freeze is due at `now` and not done yet. */
    async dueFreezes(now: string): Promise<string[]> {
      const rows = await db
        .selectFrom('session_live')
        .select('session_id')
        .where('frozen_at', 'is', null)
        .where('freeze_at', 'is not', null)
        .where('freeze_at', '<=', now)
        .execute();
      return rows.map((row) => row.session_id);
    },
    /** Marks the freeze done, once: false if someone else already did (or it was cancelled). */
    async markFrozen(sessionId: string, at: string): Promise<boolean> {
      const result = await db
        .updateTable('session_live')
        .set({ frozen_at: at, updated_at: at })
        .where('session_id', '=', sessionId)
        .where('frozen_at', 'is', null)
        .where('freeze_at', 'is not', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async addAnnouncement(announcement: AnnouncementRecord): Promise<void> {
      await db
        .insertInto('session_announcements')
        .values({
          id: announcement.id,
          session_id: announcement.sessionId,
          group_id: announcement.groupId,
          text: announcement.text,
          from_name: announcement.fromName,
          created_by: announcement.createdBy,
          created_at: announcement.createdAt,
        })
        .execute();
    },
    /** The newest announcements of a session, newest first. */
    async announcements(sessionId: string, limit = 20): Promise<AnnouncementRecord[]> {
      const rows = await db
        .selectFrom('session_announcements')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        sessionId: row.session_id,
        groupId: row.group_id,
        text: row.text,
        fromName: row.from_name,
        createdBy: row.created_by,
        createdAt: row.created_at,
      }));
    },
  };
}
