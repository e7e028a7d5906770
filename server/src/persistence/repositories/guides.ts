import type { Db } from './database.ts';

export interface GuideRecord {
  id: string;
  title: string;
  createdAt: string;
  /** The event the guide belongs to; null only for a guide no event has adopted yet. */
  eventId: string | null;
}

type GuideRow = { id: string; title: string; created_at: string; event_id: string | null };
const toGuide = (row: GuideRow): GuideRecord => ({
  id: row.id,
  title: row.title,
  createdAt: row.created_at,
  eventId: row.event_id,
});

export function guidesRepository(db: Db) {
  return {
    async get(id: string): Promise<GuideRecord | undefined> {
      const row = await db.selectFrom('guides').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toGuide(row);
    },
    /** Several guides in one query, by id (ids not found are simply absent). */
    async getMany(ids: readonly string[]): Promise<Map<string, GuideRecord>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('guides').selectAll().where('id', 'in', ids).execute();
      return new Map(rows.map((row) => [row.id, toGuide(row)]));
    },
    async create(
      guide: Omit<GuideRecord, 'eventId'> & { eventId?: string | null },
    ): Promise<GuideRecord> {
      const record = { ...guide, eventId: guide.eventId ?? null };
      await db
        .insertInto('guides')
        .values({
          id: record.id,
          title: record.title,
          created_at: record.createdAt,
          event_id: record.eventId,
        })
        .execute();
      return record;
    },
    async rename(id: string, title: string): Promise<void> {
      await db.updateTable('guides').set({ title }).where('id', '=', id).execute();
    },
    /** Gives the guides that belong to no event (made before events existed) to this one. */
    async adoptUnowned(eventId: string): Promise<void> {
      await db
        .updateTable('guides')
        .set({ event_id: eventId })
        .where('event_id', 'is', null)
        .execute();
    },
  };
}
