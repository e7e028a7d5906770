import type { ReviewStatus } from '@draftroom/shared';
import type { Db } from './database.ts';

export interface GuideReviewRecord {
  guideId: string;
  status: ReviewStatus;
  changedAt: string;
  changedBy: string;
}

export interface ReviewMoveRecord {
  id: string;
  guideId: string;
  from: ReviewStatus;
  to: ReviewStatus;
  movedBy: string;
  movedAt: string;
  note: string;
  versionId: string | null;
}

const toReview = (row: {
  guide_id: string;
  status: string;
  changed_at: string;
  changed_by: string;
}): GuideReviewRecord => ({
  guideId: row.guide_id,
  status: row.status as ReviewStatus,
  changedAt: row.changed_at,
  changedBy: row.changed_by,
});

/** Where guides stand in the review, and every move (migration 0012). */
export function guideReviewsRepository(db: Db) {
  return {
    /** The guide's review, or undefined while it has never moved (drafting). */
    async get(guideId: string): Promise<GuideReviewRecord | undefined> {
      const row = await db
        .selectFrom('guide_reviews')
        .selectAll()
        .where('guide_id', '=', guideId)
        .executeTakeFirst();
      return row && toReview(row);
    },
    /** The reviews of those of `guideIds` that ever moved. */
    async among(guideIds: readonly string[]): Promise<Map<string, GuideReviewRecord>> {
      if (guideIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('guide_reviews')
        .selectAll()
        .where('guide_id', 'in', guideIds)
        .execute();
      return new Map(rows.map((row) => [row.guide_id, toReview(row)]));
    },
    /**
     * Compare-and-set: moves the guide to `to` only if it is at `from` now (no row counts as
     * drafting). One statement either way, so two moves at once cannot both pass. Returns whether
     * it moved.
     */
    async move(
      guideId: string,
      from: ReviewStatus,
      to: ReviewStatus,
      at: string,
      by: string,
    ): Promise<boolean> {
      const values = { status: to, changed_at: at, changed_by: by };
      const result =
        from === 'drafting'
          ? await db
              .insertInto('guide_reviews')
              .values({ guide_id: guideId, ...values })
              .onConflict((conflict) =>
                conflict
                  .column('guide_id')
                  .doUpdateSet(values)
                  .where('guide_reviews.status', '=', 'drafting'),
              )
              .executeTakeFirst()
          : await db
              .updateTable('guide_reviews')
              .set(values)
              .where('guide_id', '=', guideId)
              .where('status', '=', from)
              .executeTakeFirst();
      const changed =
        'numInsertedOrUpdatedRows' in result
          ? result.numInsertedOrUpdatedRows
          : result.numUpdatedRows;
      return Number(changed ?? 0) > 0;
    },
    async addMove(move: ReviewMoveRecord): Promise<void> {
      await db
        .insertInto('guide_review_moves')
        .values({
          id: move.id,
          guide_id: move.guideId,
          from_status: move.from,
          to_status: move.to,
          moved_by: move.movedBy,
          moved_at: move.movedAt,
          note: move.note,
          version_id: move.versionId,
        })
        .execute();
    },
    async setMoveVersion(moveId: string, versionId: string): Promise<void> {
      await db
        .updateTable('guide_review_moves')
        .set({ version_id: versionId })
        .where('id', '=', moveId)
        .execute();
    },
    /** Every move of the guide, newest first. */
    async moves(guideId: string): Promise<ReviewMoveRecord[]> {
      const rows = await db
        .selectFrom('guide_review_moves')
        .selectAll()
        .where('guide_id', '=', guideId)
        .orderBy('moved_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        guideId: row.guide_id,
        from: row.from_status as ReviewStatus,
        to: row.to_status as ReviewStatus,
        movedBy: row.moved_by,
        movedAt: row.moved_at,
        note: row.note,
        versionId: row.version_id,
      }));
    },
  };
}
