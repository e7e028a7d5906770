import type { Selectable } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';
import type { Db } from './database.ts';
import { isString, parseArray } from './jsonColumns.ts';

export interface DotVoteRecord {
  id: string;
  guideId: string;
  title: string;
  /** What is voted on, as the guide read when the vote opened. */
  items: string[];
  /** Dots each person has. */
  dots: number;
  status: 'open' | 'closed';
  createdBy: string;
  createdAt: string;
  closedAt: string | null;
  /** The version taken when it closed. */
  versionId: string | null;
}

export interface DotAllocationRecord {
  voteId: string;
  personId: string;
  /** Dots per item, in the vote's item order. */
  dots: number[];
  updatedAt: string;
}

const isCount = (value: unknown): value is number => Number.isInteger(value) && Number(value) >= 0;

const changed = (result: { numInsertedOrUpdatedRows?: bigint; numUpdatedRows?: bigint }) =>
  Number(result.numInsertedOrUpdatedRows ?? result.numUpdatedRows ?? 0) > 0;

const toVote = (row: Selectable<DatabaseSchema['guide_dot_votes']>): DotVoteRecord => ({
  id: row.id,
  guideId: row.guide_id,
  title: row.title,
  items: parseArray(row.items, isString),
  dots: Number(row.dots),
  status: row.status === 'open' ? 'open' : 'closed',
  createdBy: row.created_by,
  createdAt: row.created_at,
  closedAt: row.closed_at,
  versionId: row.version_id,
});

/** Dot votes on guides and each person's dots (migration 0015). */
export function dotVotesRepository(db: Db) {
  return {
    async add(vote: DotVoteRecord): Promise<void> {
      await db
        .insertInto('guide_dot_votes')
        .values({
          id: vote.id,
          guide_id: vote.guideId,
          title: vote.title,
          items: JSON.stringify(vote.items),
          dots: vote.dots,
          status: vote.status,
          created_by: vote.createdBy,
          created_at: vote.createdAt,
          closed_at: vote.closedAt,
          version_id: vote.versionId,
        })
        .execute();
    },
    /** The guide's votes, newest first. */
    async votes(guideId: string): Promise<DotVoteRecord[]> {
      const rows = await db
        .selectFrom('guide_dot_votes')
        .selectAll()
        .where('guide_id', '=', guideId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toVote);
    },
    /** A vote of this guide (undefined for another guide's: ids in paths are not trusted). */
    async vote(guideId: string, voteId: string): Promise<DotVoteRecord | undefined> {
      const row = await db
        .selectFrom('guide_dot_votes')
        .selectAll()
        .where('id', '=', voteId)
        .where('guide_id', '=', guideId)
        .executeTakeFirst();
      return row && toVote(row);
    },
    /**
     * Replaces the person's allocation if the vote is open at that moment (one statement: a vote
     * closed meanwhile, by any instance, wins). The primary key keeps one allocation per person
     * and vote whatever number of browsers send at once: the last write is the allocation.
     */
    async allocate(allocation: DotAllocationRecord): Promise<boolean> {
      const result = await db
        .insertInto('guide_dot_allocations')
        .columns(['vote_id', 'person_id', 'dots', 'updated_at'])
        .expression((eb) =>
          eb
            .selectFrom('guide_dot_votes')
            .select([
              'id',
              eb.val(allocation.personId).as('person_id'),
              eb.val(JSON.stringify(allocation.dots)).as('dots'),
              eb.val(allocation.updatedAt).as('updated_at'),
            ])
            .where('id', '=', allocation.voteId)
            .where('status', '=', 'open'),
        )
        .onConflict((conflict) =>
          conflict.columns(['vote_id', 'person_id']).doUpdateSet((eb) => ({
            dots: eb.ref('excluded.dots'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .executeTakeFirst();
      return changed(result);
    },
    /** Every allocation of the guide's votes. */
    async allocations(guideId: string): Promise<DotAllocationRecord[]> {
      const rows = await db
        .selectFrom('guide_dot_allocations as a')
        .innerJoin('guide_dot_votes as v', 'v.id', 'a.vote_id')
        .select(['a.vote_id', 'a.person_id', 'a.dots', 'a.updated_at'])
        .where('v.guide_id', '=', guideId)
        .execute();
      return rows.map((row) => ({
        voteId: row.vote_id,
        personId: row.person_id,
        dots: parseArray(row.dots, isCount),
        updatedAt: row.updated_at,
      }));
    },
    async count(guideId: string): Promise<number> {
      const row = await db
        .selectFrom('guide_dot_votes')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('guide_id', '=', guideId)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },
    async hasOpen(guideId: string): Promise<boolean> {
      const row = await db
        .selectFrom('guide_dot_votes')
        .select('id')
        .where('guide_id', '=', guideId)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return row !== undefined;
    },
    /** Closes the vote if it is open now: true for the one caller that closed it. */
    async close(voteId: string, at: string): Promise<boolean> {
      const result = await db
        .updateTable('guide_dot_votes')
        .set({ status: 'closed', closed_at: at })
        .where('id', '=', voteId)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return changed(result);
    },
    async setVersion(voteId: string, versionId: string): Promise<void> {
      await db
        .updateTable('guide_dot_votes')
        .set({ version_id: versionId })
        .where('id', '=', voteId)
        .execute();
    },
  };
}
