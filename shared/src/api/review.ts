import { z } from 'zod';
import { personText } from '../conference/personText.ts';
import { documentIdSchema } from '../protocol/documentId.ts';

/**
 * Where a guide stands in the organisers' review (issue 13): drafting → ready for review →
 * changes requested → approved → published. Who may make which move is the server's one table
 * (`server/src/services/access/reviewMoves.ts`); a published guide is read-only for everyone but
 * the organisers.
 */
export const reviewStatuses = [
  'drafting',
  'ready',
  'changes_requested',
  'approved',
  'published',
] as const;
export const reviewStatusSchema = z.enum(reviewStatuses, {
  error: 'Choose a review status: drafting, ready, changes_requested, approved or published.',
});
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;

/** The longest note a move may carry (characters). */
export const maxReviewNoteLength = 1000;

/** A guide's review status as lists show it (a guide never moved is `drafting`, changedAt null). */
export const guideReviewSummarySchema = z.object({
  status: reviewStatusSchema,
  changedAt: z.string().nullable(),
});
export type GuideReviewSummary = z.infer<typeof guideReviewSummarySchema>;

/** One move of the review, as the history shows it. */
export const reviewMoveSchema = z.object({
  id: documentIdSchema,
  from: reviewStatusSchema,
  to: reviewStatusSchema,
  /** Who made it; name null when the person has since been removed from the event. */
  by: z.object({ personId: documentIdSchema, name: z.string().nullable() }),
  at: z.string(),
  /** What they wrote with it ('' for nothing). */
  note: z.string(),
  /** The named version taken with the move (null if taking it failed). */
  versionId: documentIdSchema.nullable(),
});
export type ReviewMove = z.infer<typeof reviewMoveSchema>;

/** A guide's review: where it stands, what the caller may do next, and every move, newest first. */
export const guideReviewSchema = z.object({
  guideId: documentIdSchema,
  status: reviewStatusSchema,
  changedAt: z.string().nullable(),
  /** The statuses the caller may move the guide to now (the server's table, for this person). */
  moves: z.array(reviewStatusSchema),
  history: z.array(reviewMoveSchema),
});
export type GuideReview = z.infer<typeof guideReviewSchema>;

/**
 * A move: `from` is the status the caller saw. If the guide has moved since (someone else was
 * quicker), the server refuses with 409 `review_stale` and changes nothing (compare-and-set).
 */
export const reviewMoveRequestSchema = z
  .object({
    from: reviewStatusSchema,
    to: reviewStatusSchema,
    note: personText('The note', maxReviewNoteLength, { optional: true, multiline: true })
      .optional()
      .default(''),
  })
  .strict();
export type ReviewMoveRequest = z.input<typeof reviewMoveRequestSchema>;
