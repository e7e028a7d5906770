import type { LanguageCode, Member, Role } from '@draftroom/shared';
import type { DatabaseSchema } from '../schema.ts';
import type { Db } from './database.ts';

type GroupRow = DatabaseSchema['groups'];

/** A group as stored; members are read separately (`membersOf`). */
export interface GroupRecord {
  id: string;
  sessionId: string;
  name: string;
  workingLanguage: LanguageCode;
  capacity: number;
  guideId: string;
}

const toGroup = (row: GroupRow): GroupRecord => ({
  id: row.id,
  sessionId: row.session_id,
  name: row.name,
  workingLanguage: row.working_language as LanguageCode,
  capacity: row.capacity,
  guideId: row.guide_id,
});

export function groupsRepository(db: Db) {
  return {
    async listBySessions(sessionIds: readonly string[]): Promise<GroupRecord[]> {
      if (sessionIds.length === 0) return [];
      const rows = await db
        .selectFrom('groups')
        .selectAll()
        .where('session_id', 'in', sessionIds)
        .orderBy('created_at')
        .orderBy('name')
        .execute();
      return rows.map(toGroup);
    },
    async get(id: string): Promise<GroupRecord | undefined> {
      const row = await db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toGroup(row);
    },
    async getByGuide(guideId: string): Promise<GroupRecord | undefined> {
      const row = await db
        .selectFrom('groups')
        .selectAll()
        .where('guide_id', '=', guideId)
        .executeTakeFirst();
      return row && toGroup(row);
    },
    async create(group: GroupRecord): Promise<GroupRecord> {
      await db
        .insertInto('groups')
        .values({
          id: group.id,
          session_id: group.sessionId,
          name: group.name,
          working_language: group.workingLanguage,
          capacity: group.capacity,
          guide_id: group.guideId,
          created_at: new Date().toISOString(),
        })
        .execute();
      return group;
    },
    async update(group: GroupRecord): Promise<void> {
      await db
        .updateTable('groups')
        .set({
          name: group.name,
          working_language: group.workingLanguage,
          capacity: group.capacity,
        })
        .where('id', '=', group.id)
        .execute();
    },
    async delete(id: string): Promise<void> {
      await db.deleteFrom('groups').where('id', '=', id).execute();
    },

    /** Members of each group, in the order they joined. */
    async membersOf(groupIds: readonly string[]): Promise<Map<string, Member[]>> {
      const byGroup = new Map<string, Member[]>(groupIds.map((id) => [id, []]));
      if (groupIds.length === 0) return byGroup;
      const rows = await db
        .selectFrom('group_members')
        .innerJoin('people', 'people.id', 'group_members.person_id')
        .select([
          'group_members.group_id',
          'people.id',
          'people.display_name',
          'people.parliament',
          'people.country',
          'people.role',
        ])
        .where('group_members.group_id', 'in', groupIds)
        .orderBy('group_members.added_at')
        .orderBy('people.display_name')
        .execute();
      for (const row of rows) {
        byGroup.get(row.group_id)?.push({
          id: row.id,
          displayName: row.display_name,
          parliament: row.parliament,
          country: row.country,
          role: row.role as Role,
        });
      }
      return byGroup;
    },
    async groupIdsOf(personId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('group_members')
        .select('group_id')
        .where('person_id', '=', personId)
        .execute();
      return rows.map((row) => row.group_id);
    },
    async isMember(groupId: string, personId: string): Promise<boolean> {
      const row = await db
        .selectFrom('group_members')
        .select('group_id')
        .where('group_id', '=', groupId)
        .where('person_id', '=', personId)
        .executeTakeFirst();
      return row !== undefined;
    },
    /** Capacity counts participants; facilitators and observers do not take a seat. */
    async participantCount(groupId: string): Promise<number> {
      const row = await db
        .selectFrom('group_members')
        .innerJoin('people', 'people.id', 'group_members.person_id')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('group_members.group_id', '=', groupId)
        .where('people.role', '=', 'participant')
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
    async addMember(groupId: string, personId: string): Promise<void> {
      await db
        .insertInto('group_members')
        .values({ group_id: groupId, person_id: personId, added_at: new Date().toISOString() })
        .onConflict((conflict) => conflict.columns(['group_id', 'person_id']).doNothing())
        .execute();
    },
    async removeMember(groupId: string, personId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('group_members')
        .where('group_id', '=', groupId)
        .where('person_id', '=', personId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    /** Removes the person from every other group of the same session (one group per session). */
    async removeFromSession(sessionId: string, personId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('group_members')
        .innerJoin('groups', 'groups.id', 'group_members.group_id')
        .select('groups.id')
        .where('groups.session_id', '=', sessionId)
        .where('group_members.person_id', '=', personId)
        .execute();
      const groupIds = rows.map((row) => row.id);
      if (groupIds.length > 0) {
        await db
          .deleteFrom('group_members')
          .where('person_id', '=', personId)
          .where('group_id', 'in', groupIds)
          .execute();
      }
      return groupIds;
    },
  };
}
