import type { ReviewStatus } from '@draftroom/shared';

/**
 * Who makes a move of the organisers' review, as the table below names them:
 * - `facilitator`: a facilitator who manages the guide's group (their invite's scope reaches it,
 *   or they are one of its members);
 * - `organiser`: an organiser of the guide's event.
 * Participants and observers make no move at all.
 */
export type ReviewActor = 'facilitator' | 'organiser';

/**
 * THE table of review moves: from each status, the statuses a guide may move to and who may
 * move it there. A move not listed is refused for everyone (`conflict`), a listed one for
 * anyone not named (`forbidden`). README ("Reviewing guides") shows the same table.
 *
 * - The group's facilitator hands the guide in (drafting → ready) and hands it in again after
 *   changes were requested; they may also take back a hand-in nobody acted on yet
 *   (ready → drafting), e.g. marked ready by mistake.
 * - Organisers request changes, approve, and publish what they approved; they may still send an
 *   approved guide back (approved → changes requested).
 * - Reopening (back to drafting) from any later status is the organisers' (a published guide is
 *   read-only for everyone else, so only they can make it writable again).
 * - Organisers may do what the facilitator does, as they may do everything in their event.
 */
export const reviewMoves: Readonly<
  Record<ReviewStatus, Readonly<Partial<Record<ReviewStatus, readonly ReviewActor[]>>>>
> = {
  drafting: {
    ready: ['facilitator', 'organiser'],
  },
  ready: {
    changes_requested: ['organiser'],
    approved: ['organiser'],
    drafting: ['facilitator', 'organiser'],
  },
  changes_requested: {
    ready: ['facilitator', 'organiser'],
    drafting: ['organiser'],
  },
  approved: {
    published: ['organiser'],
    changes_requested: ['organiser'],
    drafting: ['organiser'],
  },
  published: {
    drafting: ['organiser'],
  },
};

/** Is `from → to` a move of the table at all (for anyone)? */
export function isReviewMove(from: ReviewStatus, to: ReviewStatus): boolean {
  return reviewMoves[from][to] !== undefined;
}

/** May this actor (null: neither facilitator nor organiser of the guide) move `from → to`? */
export function actorMayMove(
  actor: ReviewActor | null,
  from: ReviewStatus,
  to: ReviewStatus,
): boolean {
  return actor !== null && (reviewMoves[from][to]?.includes(actor) ?? false);
}

/** The statuses this actor may move a guide at `from` to, in the table's order. */
export function movesOf(actor: ReviewActor | null, from: ReviewStatus): ReviewStatus[] {
  return (Object.keys(reviewMoves[from]) as ReviewStatus[]).filter((to) =>
    actorMayMove(actor, from, to),
  );
}
