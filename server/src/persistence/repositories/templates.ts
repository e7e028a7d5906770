import type { LanguageCode, TemplateContent } from '@draftroom/shared';
import type { DatabaseSchema } from '../schema.ts';
import type { Db } from './database.ts';

/** An organiser's guide template (the built-in one is code, not a row). */
export interface TemplateRecord {
  id: string;
  eventId: string;
  name: string;
  language: LanguageCode;
  content: TemplateContent;
  createdAt: string;
  updatedAt: string;
}

type TemplateRow = DatabaseSchema['templates'];

const toTemplate = (row: TemplateRow): TemplateRecord => ({
  id: row.id,
  eventId: row.event_id,
  name: row.name,
  language: row.language as LanguageCode,
  // Checked against the guide schema before it was stored.
  content: JSON.parse(row.content) as TemplateContent,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function templatesRepository(db: Db) {
  return {
    /** The event's templates without their content, by name then language. */
    async listByEvent(
      eventId: string,
    ): Promise<Array<Omit<TemplateRecord, 'content' | 'createdAt'>>> {
      const rows = await db
        .selectFrom('templates')
        .select(['id', 'event_id', 'name', 'language', 'updated_at'])
        .where('event_id', '=', eventId)
        .orderBy('name')
        .orderBy('language')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        eventId: row.event_id,
        name: row.name,
        language: row.language as LanguageCode,
        updatedAt: row.updated_at,
      }));
    },
    async get(id: string): Promise<TemplateRecord | undefined> {
      const row = await db
        .selectFrom('templates')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toTemplate(row);
    },
    /** The event's template of this name in this language (its version for another language). */
    async findVersion(
      eventId: string,
      name: string,
      language: string,
    ): Promise<TemplateRecord | undefined> {
      const row = await db
        .selectFrom('templates')
        .selectAll()
        .where('event_id', '=', eventId)
        .where('name', '=', name)
        .where('language', '=', language)
        .orderBy('created_at')
        .executeTakeFirst();
      return row && toTemplate(row);
    },
    async create(template: TemplateRecord): Promise<void> {
      await db
        .insertInto('templates')
        .values({
          id: template.id,
          event_id: template.eventId,
          name: template.name,
          language: template.language,
          content: JSON.stringify(template.content),
          created_at: template.createdAt,
          updated_at: template.updatedAt,
        })
        .execute();
    },
    async update(template: TemplateRecord): Promise<void> {
      await db
        .updateTable('templates')
        .set({
          name: template.name,
          language: template.language,
          content: JSON.stringify(template.content),
          updated_at: template.updatedAt,
        })
        .where('id', '=', template.id)
        .execute();
    },
    async delete(id: string): Promise<void> {
      await db.deleteFrom('templates').where('id', '=', id).execute();
    },
  };
}
