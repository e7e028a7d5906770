import type { ConferenceEvent, LanguageCode } from '@draftroom/shared';
import type { DatabaseSchema } from '../schema.ts';
import { parseJsonArray, type Db } from './database.ts';

type EventRow = DatabaseSchema['events'];

const toEvent = (row: EventRow): ConferenceEvent => ({
  id: row.id,
  name: row.name,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  timeZone: row.time_zone,
  languages: parseJsonArray<LanguageCode>(row.languages),
  contactEmail: row.contact_email ?? null,
});

export function eventsRepository(db: Db) {
  return {
    async get(id: string): Promise<ConferenceEvent | undefined> {
      const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toEvent(row);
    },
    async list(): Promise<ConferenceEvent[]> {
      const rows = await db.selectFrom('events').selectAll().orderBy('starts_on').execute();
      return rows.map(toEvent);
    },
    async count(): Promise<number> {
      const row = await db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
    async create(
      created: Omit<ConferenceEvent, 'contactEmail'> & { contactEmail?: string | null },
    ): Promise<ConferenceEvent> {
      const event: ConferenceEvent = { ...created, contactEmail: created.contactEmail ?? null };
      await db
        .insertInto('events')
        .values({
          id: event.id,
          name: event.name,
          starts_on: event.startsOn,
          ends_on: event.endsOn,
          time_zone: event.timeZone,
          languages: JSON.stringify(event.languages),
          created_at: new Date().toISOString(),
          contact_email: event.contactEmail,
        })
        .execute();
      return event;
    },
    async update(event: ConferenceEvent): Promise<void> {
      await db
        .updateTable('events')
        .set({
          name: event.name,
          starts_on: event.startsOn,
          ends_on: event.endsOn,
          time_zone: event.timeZone,
          languages: JSON.stringify(event.languages),
          contact_email: event.contactEmail,
        })
        .where('id', '=', event.id)
        .execute();
    },
  };
}
