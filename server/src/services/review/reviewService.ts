import type { GuideReview, ReviewMoveRequest, ReviewStatus } from '@draftroom/shared';
import { reviewMoveRequestSchema } from '@draftroom/shared';
import { DomainError, conflict, forbidden, notFound } from '../../lib/domainError.ts';
import { randomId } from '../../lib/ids.ts';
import { perPersonLimit } from '../../lib/perPersonLimit.ts';
import { memoryLimiters, type Limiters } from '../../lib/rateLimits.ts';
import type { ConferenceStore, ReviewMoveRecord } from '../../persistence/index.ts';
import { canMoveReview, guideRefusal, reviewMovesFor, type Viewer } from '../access/policy.ts';
import { isReviewMove } from '../access/reviewMoves.ts';
import { permissionOnGuide } from '../conference/guideService.ts';
import type { EventBus } from '../events/eventBus.ts';

/** Takes the named version of a move (the version service's `takeVersion`, kind `review`). */
export type TakeReviewVersion = (
  guideId: string,
  status: ReviewStatus,
  by: string,
) => Promise<{ id: string }>;

/**
 * The organisers' review of guides (issue 13). The rules are the policy's table
 * (`access/reviewMoves.ts`); this service reads a guide's review and makes moves:
 * compare-and-set on the status the caller saw, a history row (who, when, note), then the event
 * (`guideReview`: the collaboration server decides every open socket of the guide again, so a
 * published guide turns read-only at once) and a named version of the guide as it was moved.
 */
export function createReviewService(
  persistence: ConferenceStore,
  events: EventBus,
  takeVersion: TakeReviewVersion,
  onVersionError: (guideId: string, error: unknown) => void,
  /** Where its per-person limits count (Redis with several instances: they hold across them). */
  limiters: Limiters = memoryLimiters,
) {
  const { repositories } = persistence;
  // Each move stores a whole-guide version and makes every open page of the session read again,
  // and handing in and taking back (drafting ⇄ ready) can loop for ever: limited like saving a
  // version or changing a session. Real reviewing makes a handful of moves a minute.
  const moveLimit = perPersonLimit(
    20,
    'You moved reviews many times in the last minute; wait a moment and try again.',
    { limiters, name: 'reviewMoves' },
  );
  // Strictly increasing times, so the history's order is the order of the moves.
  let lastTime = 0;
  const now = () => {
    lastTime = Math.max(Date.now(), lastTime + 1);
    return new Date(lastTime).toISOString();
  };

  /** The guide's place and review, or the refusal a stranger gets (as reading the guide). */
  async function access(viewer: Viewer, guideId: string) {
    const found = await permissionOnGuide(repositories, viewer, guideId);
    if (!found.permission) {
      if (found.groupId !== null && guideRefusal(viewer, found) === 'forbidden') {
        throw forbidden('This guide belongs to another group.');
      }
      throw notFound('This guide');
    }
    const place =
      found.groupId !== null && found.sessionId !== null && found.eventId !== null
        ? { eventId: found.eventId, sessionId: found.sessionId, groupId: found.groupId }
        : null;
    return { place, review: found.review, sessionId: found.sessionId };
  }

  async function read(viewer: Viewer, guideId: string): Promise<GuideReview> {
    const { place, review } = await access(viewer, guideId);
    const status = review?.status ?? 'drafting';
    const moves = await repositories.guideReviews.moves(guideId);
    return {
      guideId,
      status,
      changedAt: review?.changedAt ?? null,
      // A guide whose group was removed is no longer reviewed: its organisers keep it as it is.
      moves: place ? reviewMovesFor(viewer, place, status) : [],
      history: await present(moves),
    };
  }

  async function present(moves: ReviewMoveRecord[]): Promise<GuideReview['history']> {
    const names = new Map<string, string | null>();
    for (const id of new Set(moves.map((move) => move.movedBy))) {
      names.set(id, (await repositories.people.get(id))?.displayName ?? null);
    }
    return moves.map((move) => ({
      id: move.id,
      from: move.from,
      to: move.to,
      by: { personId: move.movedBy, name: names.get(move.movedBy) ?? null },
      at: move.movedAt,
      note: move.note,
      versionId: move.versionId,
    }));
  }

  async function move(
    viewer: Viewer,
    guideId: string,
    request: ReviewMoveRequest,
  ): Promise<GuideReview> {
    // Parsed again here too: a caller other than the HTTP route gets the same trimming and limits.
    const { from, to, note } = reviewMoveRequestSchema.parse(request);
    const { place, review, sessionId } = await access(viewer, guideId);
    if (!place || sessionId === null) {
      throw conflict('This guide no longer belongs to a group, so it is not reviewed.');
    }
    if (!isReviewMove(from, to)) {
      throw conflict(`A guide cannot move from ${from} to ${to}; see the review table.`);
    }
    if (!canMoveReview(viewer, place, from, to)) {
      throw forbidden(`You may not move this guide from ${from} to ${to}.`);
    }
    const current = review?.status ?? 'drafting';
    const stale = () =>
      new DomainError(
        'review_stale',
        `This guide’s review moved on while you were looking (it is now ${current} or later). Reload it and decide again.`,
      );
    if (current !== from) throw stale();
    // Counted only for a move that would be made (refused ones cost nothing).
    await moveLimit.take(viewer.person.id);
    const at = now();
    const moveId = randomId();
    await persistence.transaction(async (tx) => {
      // Compare-and-set: the status is still `from`, or someone else moved first.
      if (!(await tx.guideReviews.move(guideId, from, to, at, viewer.person.id))) throw stale();
      await tx.guideReviews.addMove({
        id: moveId,
        guideId,
        from,
        to,
        movedBy: viewer.person.id,
        movedAt: at,
        note,
        versionId: null,
      });
    });
    // Open sockets of the guide are decided again (published: read-only but for organisers;
    // reopened: writable again), and the session's open pages hear of it.
    events.publish('guideReview', { guideId, sessionId, from, to });
    events.publish('sessionLive', { sessionId });
    // The move stands whatever happens to its version; a failed one is logged, not fatal.
    try {
      const version = await takeVersion(guideId, to, viewer.person.id);
      await repositories.guideReviews.setMoveVersion(moveId, version.id);
    } catch (error) {
      onVersionError(guideId, error);
    }
    return read(viewer, guideId);
  }

  return { read, move };
}

export type ReviewService = ReturnType<typeof createReviewService>;
