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
    /**
     * Marks a guide as not to receive a template (its content comes from elsewhere, such as the
     * demo's seeded text).
     */
    async settleTemplate(id: string, at: string): Promise<void> {
      await db
        .updateTable('guides')
        .set({ template_applied_at: at })
        .where('id', '=', id)
        .execute();
    },
    /**
     * Claims the guide's template: true for exactly one caller, whoever else tries at the same
     * moment (a conditional update, decided by the database, not by this process's memory).
     */
    async claimTemplate(id: string, at: string): Promise<boolean> {
      const result = await db
        .updateTable('guides')
        .set({ template_applied_at: at })
        .where('id', '=', id)
        .where('template_applied_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
    /** Gives a claim back (the template could not be written), so a later visit tries again. */
    async releaseTemplate(id: string, at: string): Promise<void> {
      await db
        .updateTable('guides')
        .set({ template_applied_at: null })
        .where('id', '=', id)
        .where('template_applied_at', '=', at)
        .execute();
    },
    /**
     * What a guide's template depends on: whether it is still unclaimed, its group's working
     * language, and its session's event and template. Undefined for a guide without a group.
     */
    async templateContext(id: string): Promise<
      | {
          claimed: boolean;
          eventId: string;
          workingLanguage: string;
          templateId: string | null;
        }
      | undefined
    > {
      const row = await db
        .selectFrom('guides')
        .innerJoin('groups', 'groups.guide_id', 'guides.id')
        .innerJoin('sessions', 'sessions.id', 'groups.session_id')
        .select([
          'guides.template_applied_at',
          'groups.working_language',
          'sessions.event_id',
          'sessions.template_id',
        ])
        .where('guides.id', '=', id)
        .executeTakeFirst();
      return (
        row && {
          claimed: row.template_applied_at !== null,
          eventId: row.event_id,
          workingLanguage: row.working_language,
          templateId: row.template_id,
        }
      );
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
