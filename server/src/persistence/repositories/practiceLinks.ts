import type { Db } from './database.ts';

/**
 * What links practices to the rest of the event, seen from the practice: guides citing it
 * (`guide_citations`, kept by the citations' document hook) and sessions presenting it
 * (`session_practices`), and a merge moving those links. Part of `repositories.practices`; the
 * rows themselves are written through `repositories.citations`.
 */
export function practiceLinksQueries(db: Db) {
  return {
    /**
     * A merge: the duplicate's running-order rows move to the target, except in sessions that
     * already list the target (there the duplicate's row is dropped).
     */
    async moveSessionPractices(fromId: string, toId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('session_practices')
        .select('session_id')
        .where('practice_id', '=', fromId)
        .execute();
      const sessions = rows.map((row) => row.session_id);
      if (sessions.length === 0) return [];
      const already = new Set(
        (
          await db
            .selectFrom('session_practices')
            .select('session_id')
            .where('practice_id', '=', toId)
            .where('session_id', 'in', sessions)
            .execute()
        ).map((row) => row.session_id),
      );
      if (already.size > 0) {
        await db
          .deleteFrom('session_practices')
          .where('practice_id', '=', fromId)
          .where('session_id', 'in', [...already])
          .execute();
      }
      await db
        .updateTable('session_practices')
        .set({ practice_id: toId })
        .where('practice_id', '=', fromId)
        .execute();
      // The one presented now follows too.
      await db
        .updateTable('session_current_practice')
        .set({ practice_id: toId })
        .where('practice_id', '=', fromId)
        .execute();
      return sessions;
    },
    /**
     * The guides citing a practice, with where each sits (a guide without a group has none). A
     * guide citing a duplicate merged into it counts as citing it: its card shows this practice,
     * and the guide's text keeps the duplicate's id (the document is the guide's, not ours).
     */
    async citingGuides(practiceId: string): Promise<
      Array<{
        guideId: string;
        groupId: string;
        groupName: string;
        sessionId: string;
        sessionTitle: string;
        eventId: string;
      }>
    > {
      const rows = await db
        .selectFrom('guide_citations')
        .innerJoin('groups', 'groups.guide_id', 'guide_citations.guide_id')
        .innerJoin('sessions', 'sessions.id', 'groups.session_id')
        .select([
          'guide_citations.guide_id',
          'groups.id as group_id',
          'groups.name as group_name',
          'sessions.id as session_id',
          'sessions.title as session_title',
          'sessions.event_id',
          'sessions.starts_at',
        ])
        .distinct()
        .where((eb) =>
          eb.or([
            eb('guide_citations.practice_id', '=', practiceId),
            eb(
              'guide_citations.practice_id',
              'in',
              eb.selectFrom('practices').select('id').where('merged_into', '=', practiceId),
            ),
          ]),
        )
        // A guide of another event naming this id does not cite it (ids are kept as written).
        .where('sessions.event_id', '=', (eb) =>
          eb.selectFrom('practices').select('event_id').where('id', '=', practiceId),
        )
        .orderBy('sessions.starts_at')
        .orderBy('groups.name')
        .execute();
      return rows.map((row) => ({
        guideId: row.guide_id,
        groupId: row.group_id,
        groupName: row.group_name,
        sessionId: row.session_id,
        sessionTitle: row.session_title,
        eventId: row.event_id,
      }));
    },
    /**
     * How many guides cite each practice of the event (the CSV's column), a merged duplicate's
     * citing guides counted for the practice it was merged into, each guide once.
     */
    async citationCounts(eventId: string): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('guide_citations')
        .innerJoin('practices', 'practices.id', 'guide_citations.practice_id')
        // Only the event's own guides: another event's guide naming an id does not cite it.
        .innerJoin('guides', 'guides.id', 'guide_citations.guide_id')
        .select((eb) => [
          eb.fn.coalesce('practices.merged_into', 'practices.id').as('practice_id'),
          eb.fn.count<number | string>('guide_citations.guide_id').distinct().as('n'),
        ])
        .where('practices.event_id', '=', eventId)
        .where('guides.event_id', '=', eventId)
        .groupBy((eb) => eb.fn.coalesce('practices.merged_into', 'practices.id'))
        .execute();
      return new Map(rows.map((row) => [row.practice_id, Number(row.n)]));
    },
    /** The sessions presenting a practice, in programme order. */
    async presentingSessions(
      practiceId: string,
    ): Promise<
      Array<{ sessionId: string; title: string; startsAt: string; presenter: string | null }>
    > {
      const rows = await db
        .selectFrom('session_practices')
        .innerJoin('sessions', 'sessions.id', 'session_practices.session_id')
        .select([
          'sessions.id',
          'sessions.title',
          'sessions.starts_at',
          'session_practices.presenter',
        ])
        .where('session_practices.practice_id', '=', practiceId)
        .orderBy('sessions.starts_at')
        .execute();
      return rows.map((row) => ({
        sessionId: row.id,
        title: row.title,
        startsAt: row.starts_at,
        presenter: row.presenter,
      }));
    },
  };
}
