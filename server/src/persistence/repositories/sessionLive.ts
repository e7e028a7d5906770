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
      return { phase: (row?.phase as SessionPhase | null) ?? null, timer };
    },
    async save(sessionId: string, live: SessionLiveRecord, at: string): Promise<void> {
      const values = {
        phase: live.phase,
        timer_state: live.timer?.state ?? null,
        timer_ends_at: live.timer?.endsAt ?? null,
        timer_remaining_ms: live.timer?.remainingMs ?? null,
        timer_duration_ms: live.timer?.durationMs ?? null,
        updated_at: at,
      };
      await db
        .insertInto('session_live')
        .values({ session_id: sessionId, ...values })
        .onConflict((conflict) => conflict.column('session_id').doUpdateSet(values))
        .execute();
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
