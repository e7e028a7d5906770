import type { Selectable } from 'kysely';
import {
  audienceTags,
  type AudienceTag,
  type LanguageCode,
  type Person,
  type Role,
  type Scope,
} from '@draftroom/shared';
import type { DatabaseSchema } from '../schema.ts';
import type { Db } from './database.ts';
import { parseArray } from './jsonColumns.ts';

type PersonRow = Selectable<DatabaseSchema['people']>;

/** A person as stored; `groupIds` are read from group_members. */
export type PersonRecord = Omit<Person, 'groupIds'>;

const toPerson = (row: PersonRow): PersonRecord => ({
  id: row.id,
  eventId: row.event_id,
  displayName: row.display_name,
  parliament: row.parliament,
  country: row.country,
  preferredLanguage: row.preferred_language as LanguageCode,
  email: row.email,
  role: row.role as Role,
  scope: { type: row.scope_type as Scope['type'], id: row.scope_id },
  parliamentConfirmed: row.parliament_confirmed === 1,
});

const isAudienceTag = (value: unknown): value is AudienceTag =>
  (audienceTags as readonly unknown[]).includes(value);

const toRow = (person: PersonRecord) => ({
  event_id: person.eventId,
  display_name: person.displayName,
  parliament: person.parliament,
  country: person.country,
  preferred_language: person.preferredLanguage,
  email: person.email,
  role: person.role,
  scope_type: person.scope.type,
  scope_id: person.scope.id,
  parliament_confirmed: person.parliamentConfirmed ? 1 : 0,
});

export function peopleRepository(db: Db) {
  return {
    async get(id: string): Promise<PersonRecord | undefined> {
      const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toPerson(row);
    },
    async listByEvent(eventId: string): Promise<PersonRecord[]> {
      const rows = await db
        .selectFrom('people')
        .selectAll()
        .where('event_id', '=', eventId)
        .orderBy('display_name')
        .orderBy('id')
        .execute();
      return rows.map(toPerson);
    },
    async groupIdsByPerson(eventId: string): Promise<Map<string, string[]>> {
      const rows = await db
        .selectFrom('group_members')
        .innerJoin('people', 'people.id', 'group_members.person_id')
        .select(['group_members.person_id', 'group_members.group_id'])
        .where('people.event_id', '=', eventId)
        .orderBy('group_members.added_at')
        .execute();
      const byPerson = new Map<string, string[]>();
      for (const row of rows) {
        const list = byPerson.get(row.person_id) ?? [];
        list.push(row.group_id);
        byPerson.set(row.person_id, list);
      }
      return byPerson;
    },
    async create(person: PersonRecord): Promise<PersonRecord> {
      await db
        .insertInto('people')
        .values({ id: person.id, ...toRow(person), created_at: new Date().toISOString() })
        .execute();
      return person;
    },
    async update(person: PersonRecord): Promise<void> {
      await db.updateTable('people').set(toRow(person)).where('id', '=', person.id).execute();
    },
    /** The audiences a person follows (their programme highlights those sessions). */
    async audiencesOf(personId: string): Promise<AudienceTag[]> {
      const row = await db
        .selectFrom('people')
        .select('audiences')
        .where('id', '=', personId)
        .executeTakeFirst();
      return row ? parseArray(row.audiences, isAudienceTag) : [];
    },
    async setAudiences(personId: string, audiences: readonly AudienceTag[]): Promise<void> {
      await db
        .updateTable('people')
        .set({ audiences: JSON.stringify(audiences) })
        .where('id', '=', personId)
        .execute();
    },
  };
}
