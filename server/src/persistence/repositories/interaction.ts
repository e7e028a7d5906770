import type { Selectable } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';
import type { Db } from './database.ts';
import { isString, parseArray } from './jsonColumns.ts';

export interface QuestionRecord {
  id: string;
  sessionId: string;
  askedBy: string;
  text: string;
  anonymous: boolean;
  status: 'pending' | 'approved' | 'answered' | 'hidden';
  pinnedAt: string | null;
  createdAt: string;
}

/** A question as listed: with its asker's name (null once they left the event). */
export interface ListedQuestion extends QuestionRecord {
  askerName: string | null;
}

export interface PollRecord {
  id: string;
  sessionId: string;
  kind: 'single' | 'multiple' | 'ranking' | 'words';
  question: string;
  options: string[];
  status: 'draft' | 'open' | 'closed';
  revealed: boolean;
  createdBy: string;
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
}

export interface BallotRecord {
  pollId: string;
  personId: string;
  choices: number[];
  words: string[];
  castAt: string;
}

const isIndex = (value: unknown): value is number => Number.isInteger(value);

const changed = (result: { numInsertedOrUpdatedRows?: bigint; numDeletedRows?: bigint }) =>
  Number(result.numInsertedOrUpdatedRows ?? result.numDeletedRows ?? 0) > 0;

type Row<T extends keyof DatabaseSchema> = Selectable<DatabaseSchema[T]>;

const toQuestion = (row: Row<'session_questions'>): QuestionRecord => ({
  id: row.id,
  sessionId: row.session_id,
  askedBy: row.asked_by,
  text: row.text,
  anonymous: Number(row.anonymous) === 1,
  status: row.status as QuestionRecord['status'],
  pinnedAt: row.pinned_at,
  createdAt: row.created_at,
});

const toPoll = (row: Row<'session_polls'>): PollRecord => ({
  id: row.id,
  sessionId: row.session_id,
  kind: row.kind as PollRecord['kind'],
  question: row.question,
  options: parseArray(row.options, isString),
  status: row.status as PollRecord['status'],
  revealed: Number(row.revealed) === 1,
  createdBy: row.created_by,
  createdAt: row.created_at,
  openedAt: row.opened_at,
  closedAt: row.closed_at,
});

/** Questions and polls of sessions (migration 0015). */
export function interactionRepository(db: Db) {
  return {
    async moderated(sessionId: string): Promise<boolean> {
      const row = await db
        .selectFrom('session_question_settings')
        .select('moderated')
        .where('session_id', '=', sessionId)
        .executeTakeFirst();
      return Number(row?.moderated ?? 0) === 1;
    },
    async setModerated(sessionId: string, moderated: boolean, at: string): Promise<void> {
      const values = { moderated: moderated ? 1 : 0, updated_at: at };
      await db
        .insertInto('session_question_settings')
        .values({ session_id: sessionId, ...values })
        .onConflict((conflict) => conflict.column('session_id').doUpdateSet(values))
        .execute();
    },
    async questionCount(sessionId: string): Promise<number> {
      const row = await db
        .selectFrom('session_questions')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('session_id', '=', sessionId)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },
    async addQuestion(question: QuestionRecord): Promise<void> {
      await db
        .insertInto('session_questions')
        .values({
          id: question.id,
          session_id: question.sessionId,
          asked_by: question.askedBy,
          text: question.text,
          anonymous: question.anonymous ? 1 : 0,
          status: question.status,
          pinned_at: question.pinnedAt,
          created_at: question.createdAt,
          updated_at: question.createdAt,
        })
        .execute();
    },
    /** The session's questions, oldest first, with their askers' names. */
    async questions(sessionId: string): Promise<ListedQuestion[]> {
      const rows = await db
        .selectFrom('session_questions as q')
        .leftJoin('people as p', 'p.id', 'q.asked_by')
        .selectAll('q')
        .select('p.display_name as asker_name')
        .where('q.session_id', '=', sessionId)
        .orderBy('q.created_at')
        .orderBy('q.id')
        .execute();
      return rows.map((row) => ({ ...toQuestion(row), askerName: row.asker_name ?? null }));
    },
    /** A question of this session (undefined for another session's: ids in paths are not trusted). */
    async question(sessionId: string, questionId: string): Promise<QuestionRecord | undefined> {
      const row = await db
        .selectFrom('session_questions')
        .selectAll()
        .where('id', '=', questionId)
        .where('session_id', '=', sessionId)
        .executeTakeFirst();
      return row && toQuestion(row);
    },
    async setQuestionStatus(
      questionId: string,
      status: QuestionRecord['status'],
      at: string,
    ): Promise<void> {
      await db
        .updateTable('session_questions')
        .set({ status, updated_at: at })
        .where('id', '=', questionId)
        .execute();
    },
    /** Pins one question of the session as being answered (unpinning any other), or none. */
    async pin(sessionId: string, questionId: string | null, at: string): Promise<void> {
      await db
        .updateTable('session_questions')
        .set({ pinned_at: null, updated_at: at })
        .where('session_id', '=', sessionId)
        .where('pinned_at', 'is not', null)
        .execute();
      if (questionId === null) return;
      await db
        .updateTable('session_questions')
        .set({ pinned_at: at, updated_at: at })
        .where('id', '=', questionId)
        .execute();
    },
    /** One vote per person and question (the primary key): false when it was already there. */
    async vote(questionId: string, personId: string, at: string): Promise<boolean> {
      const result = await db
        .insertInto('session_question_votes')
        .values({ question_id: questionId, person_id: personId, voted_at: at })
        .onConflict((conflict) => conflict.columns(['question_id', 'person_id']).doNothing())
        .executeTakeFirst();
      return changed(result);
    },
    async unvote(questionId: string, personId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('session_question_votes')
        .where('question_id', '=', questionId)
        .where('person_id', '=', personId)
        .executeTakeFirst();
      return changed(result);
    },
    /** Every up-vote of the session's questions: who voted for which. */
    async votes(sessionId: string): Promise<Array<{ questionId: string; personId: string }>> {
      const rows = await db
        .selectFrom('session_question_votes as v')
        .innerJoin('session_questions as q', 'q.id', 'v.question_id')
        .select(['v.question_id', 'v.person_id'])
        .where('q.session_id', '=', sessionId)
        .execute();
      return rows.map((row) => ({ questionId: row.question_id, personId: row.person_id }));
    },

    async pollCount(sessionId: string): Promise<number> {
      const row = await db
        .selectFrom('session_polls')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('session_id', '=', sessionId)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },
    async addPoll(poll: PollRecord): Promise<void> {
      await db
        .insertInto('session_polls')
        .values({
          id: poll.id,
          session_id: poll.sessionId,
          kind: poll.kind,
          question: poll.question,
          options: JSON.stringify(poll.options),
          status: poll.status,
          revealed: poll.revealed ? 1 : 0,
          created_by: poll.createdBy,
          created_at: poll.createdAt,
          opened_at: poll.openedAt,
          closed_at: poll.closedAt,
        })
        .execute();
    },
    /** The session's polls, newest first. */
    async polls(sessionId: string): Promise<PollRecord[]> {
      const rows = await db
        .selectFrom('session_polls')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toPoll);
    },
    async poll(sessionId: string, pollId: string): Promise<PollRecord | undefined> {
      const row = await db
        .selectFrom('session_polls')
        .selectAll()
        .where('id', '=', pollId)
        .where('session_id', '=', sessionId)
        .executeTakeFirst();
      return row && toPoll(row);
    },
    async updatePoll(
      pollId: string,
      change: Partial<Pick<PollRecord, 'status' | 'revealed' | 'openedAt' | 'closedAt'>>,
    ): Promise<void> {
      await db
        .updateTable('session_polls')
        .set({
          ...(change.status !== undefined && { status: change.status }),
          ...(change.revealed !== undefined && { revealed: change.revealed ? 1 : 0 }),
          ...(change.openedAt !== undefined && { opened_at: change.openedAt }),
          ...(change.closedAt !== undefined && { closed_at: change.closedAt }),
        })
        .where('id', '=', pollId)
        .execute();
    },
    async deletePoll(pollId: string): Promise<void> {
      await db.deleteFrom('session_polls').where('id', '=', pollId).execute();
    },
    /**
     * Stores a ballot if the poll is open at that moment and the person has none in it (one
     * statement: a poll closed or a ballot cast meanwhile, by any instance, wins). Which of the
     * two refused it is for the caller to tell.
     */
    async castBallot(ballot: BallotRecord): Promise<boolean> {
      const result = await db
        .insertInto('session_poll_ballots')
        .columns(['poll_id', 'person_id', 'choices', 'words', 'cast_at'])
        .expression((eb) =>
          eb
            .selectFrom('session_polls')
            .select([
              'id',
              eb.val(ballot.personId).as('person_id'),
              eb.val(JSON.stringify(ballot.choices)).as('choices'),
              eb.val(JSON.stringify(ballot.words)).as('words'),
              eb.val(ballot.castAt).as('cast_at'),
            ])
            .where('id', '=', ballot.pollId)
            .where('status', '=', 'open'),
        )
        .onConflict((conflict) => conflict.columns(['poll_id', 'person_id']).doNothing())
        .executeTakeFirst();
      return changed(result);
    },
    async hasBallot(pollId: string, personId: string): Promise<boolean> {
      const row = await db
        .selectFrom('session_poll_ballots')
        .select('poll_id')
        .where('poll_id', '=', pollId)
        .where('person_id', '=', personId)
        .executeTakeFirst();
      return row !== undefined;
    },
    /** Every ballot of the session's polls. */
    async ballots(sessionId: string): Promise<BallotRecord[]> {
      const rows = await db
        .selectFrom('session_poll_ballots as b')
        .innerJoin('session_polls as p', 'p.id', 'b.poll_id')
        .select(['b.poll_id', 'b.person_id', 'b.choices', 'b.words', 'b.cast_at'])
        .where('p.session_id', '=', sessionId)
        .orderBy('b.cast_at')
        .execute();
      return rows.map((row) => ({
        pollId: row.poll_id,
        personId: row.person_id,
        choices: parseArray(row.choices, isIndex),
        words: parseArray(row.words, isString),
        castAt: row.cast_at,
      }));
    },
  };
}
