import type { AudienceTag, ConferenceSession, LanguageCode, SessionKind } from '@draftroom/shared';
import type { DatabaseSchema } from '../schema.ts';
import { parseJsonArray, type Db } from './database.ts';

type SessionRow = DatabaseSchema['sessions'];

const toSession = (row: SessionRow): ConferenceSession => ({
  id: row.id,
  eventId: row.event_id,
  title: row.title,
  description: row.description,
  kind: row.kind as SessionKind,
  audience: parseJsonArray<AudienceTag>(row.audience),
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  languages: parseJsonArray<LanguageCode>(row.languages),
  selfSelect: row.self_select === 1,
  templateId: row.template_id,
});

const toRow = (session: ConferenceSession) => ({
  event_id: session.eventId,
  title: session.title,
  description: session.description,
  kind: session.kind,
  audience: JSON.stringify(session.audience),
  starts_at: session.startsAt,
  ends_at: session.endsAt,
  languages: JSON.stringify(session.languages),
  self_select: session.selfSelect ? 1 : 0,
  template_id: session.templateId,
});

export function sessionsRepository(db: Db) {
  return {
    async listByEvent(eventId: string): Promise<ConferenceSession[]> {
      const rows = await db
        .selectFrom('sessions')
        .selectAll()
        .where('event_id', '=', eventId)
        .orderBy('starts_at')
        .orderBy('title')
        .execute();
      return rows.map(toSession);
    },
    async get(id: string): Promise<ConferenceSession | undefined> {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toSession(row);
    },
    async create(session: ConferenceSession): Promise<ConferenceSession> {
      await db
        .insertInto('sessions')
        .values({ id: session.id, ...toRow(session), created_at: new Date().toISOString() })
        .execute();
      return session;
    },
    async update(session: ConferenceSession): Promise<void> {
      await db.updateTable('sessions').set(toRow(session)).where('id', '=', session.id).execute();
    },
    /** Titles of the sessions whose groups start from this template. */
    async titlesUsingTemplate(templateId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('sessions')
        .select('title')
        .where('template_id', '=', templateId)
        .orderBy('title')
        .execute();
      return rows.map((row) => row.title);
    },
    async delete(id: string): Promise<void> {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
  };
}
