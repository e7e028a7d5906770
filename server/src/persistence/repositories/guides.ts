import type { Db } from './database.ts';

export interface GuideRecord {
  id: string;
  title: string;
  createdAt: string;
}

export function guidesRepository(db: Db) {
  return {
    async get(id: string): Promise<GuideRecord | undefined> {
      const row = await db.selectFrom('guides').selectAll().where('id', '=', id).executeTakeFirst();
      return row && { id: row.id, title: row.title, createdAt: row.created_at };
    },
    async create(guide: GuideRecord): Promise<GuideRecord> {
      await db
        .insertInto('guides')
        .values({ id: guide.id, title: guide.title, created_at: guide.createdAt })
        .execute();
      return guide;
    },
    async rename(id: string, title: string): Promise<void> {
      await db.updateTable('guides').set({ title }).where('id', '=', id).execute();
    },
  };
}
