import type { Db } from './database.ts';

/** What a citation card, a running order and an export need of a practice (not the whole record). */
export interface PracticeCardRecord {
  id: string;
  eventId: string;
  status: string;
  title: string;
  parliament: string;
  parliamentKey: string;
  country: string;
  summary: string;
  mergedInto: string | null;
  submittedBy: string | null;
}

/** A practice for the library export: the card and its three sections (ProseMirror JSON text). */
export interface PracticeBookRecord extends PracticeCardRecord {
  whatWasDone: string;
  results: string;
  lessons: string;
  updatedAt: string;
}

export interface SessionPracticeRecord {
  practiceId: string;
  position: number;
  presenter: string | null;
}

const cardColumns = [
  'id',
  'event_id',
  'status',
  'title',
  'parliament',
  'parliament_key',
  'country',
  'summary',
  'merged_into',
  'submitted_by',
] as const;

type CardRow = {
  id: string;
  event_id: string;
  status: string;
  title: string;
  parliament: string;
  parliament_key: string;
  country: string;
  summary: string;
  merged_into: string | null;
  submitted_by: string | null;
};
const toCard = (row: CardRow): PracticeCardRecord => ({
  id: row.id,
  eventId: row.event_id,
  status: row.status,
  title: row.title,
  parliament: row.parliament,
  parliamentKey: row.parliament_key,
  country: row.country,
  summary: row.summary,
  mergedInto: row.merged_into,
  submittedBy: row.submitted_by,
});

/**
 * Citations of practices in guides, running orders of good-practice exchanges, and the practices'
 * cards they show (migration 0017). Every read of practices is within one event: an id of another
 * event's practice finds nothing, exactly as an unknown id.
 */
export function citationsRepository(db: Db) {
  /** Practices of one event by id (at most a few hundred ids at a time). */
  async function practicesOf(eventId: string, ids: readonly string[]) {
    if (ids.length === 0) return new Map<string, PracticeCardRecord>();
    const rows = await db
      .selectFrom('practices')
      .select(cardColumns)
      .where('event_id', '=', eventId)
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return new Map(rows.map((row) => [row.id, toCard(row)]));
  }

  return {
    practicesOf,

    /**
     * The cards for cited ids: each id to its practice, a merged one to the practice it was
     * merged into (one step: a merge target is never itself merged when merged into). Ids that
     * name nothing of the event are absent from the map.
     */
    async cardsFor(
      eventId: string,
      ids: readonly string[],
    ): Promise<Map<string, { cited: PracticeCardRecord; shown: PracticeCardRecord | null }>> {
      const cited = await practicesOf(eventId, ids);
      const successors = await practicesOf(
        eventId,
        [...cited.values()].flatMap((card) =>
          card.status === 'merged' && card.mergedInto ? [card.mergedInto] : [],
        ),
      );
      const result = new Map<
        string,
        { cited: PracticeCardRecord; shown: PracticeCardRecord | null }
      >();
      for (const [id, card] of cited) {
        const shown =
          card.status === 'merged' ? (successors.get(card.mergedInto ?? '') ?? null) : card;
        result.set(id, { cited: card, shown });
      }
      return result;
    },

    /** Every practice of an event, as cards (what an export may show for a citation). */
    async cardsOfEvent(eventId: string): Promise<PracticeCardRecord[]> {
      const rows = await db
        .selectFrom('practices')
        .select(cardColumns)
        .where('event_id', '=', eventId)
        .execute();
      return rows.map(toCard);
    },

    /** The approved practices of an event with their sections, by title (the library export). */
    async approvedBook(eventId: string): Promise<PracticeBookRecord[]> {
      const rows = await db
        .selectFrom('practices')
        .select([...cardColumns, 'what_was_done', 'results', 'lessons', 'updated_at'])
        .where('event_id', '=', eventId)
        .where('status', '=', 'approved')
        .orderBy('title')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        ...toCard(row),
        whatWasDone: row.what_was_done,
        results: row.results,
        lessons: row.lessons,
        updatedAt: row.updated_at,
      }));
    },

    /** The practice ids a guide cites, in order of first appearance. */
    async ofGuide(guideId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('guide_citations')
        .select('practice_id')
        .where('guide_id', '=', guideId)
        .orderBy('position')
        .execute();
      return rows.map((row) => row.practice_id);
    },

    /** Replaces a guide's citations (call inside a transaction: delete and insert are one). */
    async replaceForGuide(guideId: string, practiceIds: readonly string[]): Promise<void> {
      await db.deleteFrom('guide_citations').where('guide_id', '=', guideId).execute();
      if (practiceIds.length === 0) return;
      await db
        .insertInto('guide_citations')
        .values(
          practiceIds.map((practiceId, position) => ({
            guide_id: guideId,
            practice_id: practiceId,
            position,
          })),
        )
        .execute();
    },

    async runningOrder(sessionId: string): Promise<SessionPracticeRecord[]> {
      const rows = await db
        .selectFrom('session_practices')
        .select(['practice_id', 'position', 'presenter'])
        .where('session_id', '=', sessionId)
        .orderBy('position')
        .execute();
      return rows.map((row) => ({
        practiceId: row.practice_id,
        position: row.position,
        presenter: row.presenter,
      }));
    },

    /** Replaces a running order (call inside a transaction). */
    async setRunningOrder(
      sessionId: string,
      items: readonly { practiceId: string; presenter: string | null }[],
    ): Promise<void> {
      await db.deleteFrom('session_practices').where('session_id', '=', sessionId).execute();
      if (items.length === 0) return;
      await db
        .insertInto('session_practices')
        .values(
          items.map((item, position) => ({
            session_id: sessionId,
            practice_id: item.practiceId,
            position,
            presenter: item.presenter,
          })),
        )
        .execute();
    },

    async currentPractice(sessionId: string): Promise<string | null> {
      const row = await db
        .selectFrom('session_current_practice')
        .select('practice_id')
        .where('session_id', '=', sessionId)
        .executeTakeFirst();
      return row?.practice_id ?? null;
    },

    async setCurrentPractice(
      sessionId: string,
      practiceId: string | null,
      at: string,
    ): Promise<void> {
      await db
        .insertInto('session_current_practice')
        .values({ session_id: sessionId, practice_id: practiceId, changed_at: at })
        .onConflict((oc) =>
          oc.column('session_id').doUpdateSet({ practice_id: practiceId, changed_at: at }),
        )
        .execute();
    },
  };
}
