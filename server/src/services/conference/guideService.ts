import type { Guide, Permission } from '@draftroom/shared';
import type { GuideLockRecord, GuideReviewRecord } from '../../persistence/index.ts';
import { DomainError, notFound } from '../../lib/domainError.ts';
import type { ConferenceStore, Repositories } from '../../persistence/index.ts';
import {
  canLockGuide,
  guidePermission,
  guideRefusal,
  isOrganiserOf,
  type Viewer,
} from '../access/policy.ts';
import { placeOf } from './viewer.ts';

/**
 * What a person may do with a document. A guide belongs to a group; the policy decides from the
 * group's place. A guide with no group (its group was removed) is for its event's organisers only.
 */
export async function permissionOnGuide(
  repositories: Repositories,
  viewer: Viewer,
  guideId: string,
): Promise<{
  permission: Permission | null;
  groupId: string | null;
  sessionId: string | null;
  /** The event of the guide's group (null without a group). */
  eventId: string | null;
  lock: GuideLockRecord | null;
  canLock: boolean;
  /** Its review (null: never moved, so drafting). */
  review: GuideReviewRecord | null;
}> {
  const lock = (await repositories.guideLocks.get(guideId)) ?? null;
  const review = (await repositories.guideReviews.get(guideId)) ?? null;
  const group = await repositories.groups.getByGuide(guideId);
  const session = group && (await repositories.sessions.get(group.sessionId));
  if (!group || !session) {
    const guide = await repositories.guides.get(guideId);
    // Guides without a group predate the conference model, or outlived their group. Either way
    // they still belong to one event, and no other event's organisers may open them.
    const organiser = guide !== undefined && isOrganiserOf(viewer, guide.eventId ?? '');
    return {
      permission: organiser ? 'write' : null,
      groupId: null,
      sessionId: null,
      eventId: null,
      lock,
      canLock: false,
      review,
    };
  }
  const place = placeOf(group, session);
  return {
    permission: guidePermission(viewer, place, lock !== null, review?.status === 'published'),
    groupId: group.id,
    sessionId: session.id,
    eventId: session.eventId,
    lock,
    canLock: canLockGuide(viewer, place),
    review,
  };
}

export function createGuideService(persistence: ConferenceStore) {
  const { repositories } = persistence;
  return {
    /** The guides of the viewer's event that they may open, in programme order. */
    async list(viewer: Viewer): Promise<Guide[]> {
      // Four queries whatever the number of groups: the policy needs only each group's place,
      // which the sessions and groups already read give (it was three queries per group).
      const sessions = await repositories.sessions.listByEvent(viewer.person.eventId);
      const groups = await repositories.groups.listBySessions(sessions.map((s) => s.id));
      const sessionsById = new Map(sessions.map((session) => [session.id, session]));
      const guideIds = groups.map((group) => group.guideId);
      const locks = await repositories.guideLocks.among(guideIds);
      const reviews = await repositories.guideReviews.among(guideIds);
      const open = groups.flatMap((group) => {
        const session = sessionsById.get(group.sessionId);
        if (!session) return [];
        const place = placeOf(group, session);
        const lock = locks.get(group.guideId) ?? null;
        const review = reviews.get(group.guideId) ?? null;
        const published = review?.status === 'published';
        const permission = guidePermission(viewer, place, lock !== null, published);
        return permission
          ? [{ group, session, permission, lock, review, canLock: canLockGuide(viewer, place) }]
          : [];
      });
      const guidesById = await repositories.guides.getMany(open.map(({ group }) => group.guideId));
      return open.flatMap(({ group, session, permission, lock, review, canLock }) => {
        const guide = guidesById.get(group.guideId);
        if (!guide) return [];
        const { id, title, createdAt } = guide;
        return [
          {
            id,
            title,
            createdAt,
            groupId: group.id,
            sessionId: session.id,
            permission,
            lock: lockView(lock),
            canLock,
            review: reviewView(review),
          },
        ];
      });
    },

    async get(viewer: Viewer, guideId: string): Promise<Guide> {
      const access = await permissionOnGuide(repositories, viewer, guideId);
      const guide = access.permission && (await repositories.guides.get(guideId));
      if (!guide || !access.permission) {
        // Someone of the same event may learn that the guide is another group's, and whom to
        // ask (the websocket says 4403 to them already). Another event's guide, or a guide whose
        // group was removed, looks exactly like one that does not exist.
        if (access.groupId !== null && guideRefusal(viewer, access) === 'forbidden') {
          throw new DomainError(
            'forbidden',
            'This guide belongs to another group. Ask its facilitator or the organisers to add you to that group.',
          );
        }
        throw notFound('This guide');
      }
      return {
        id: guide.id,
        title: guide.title,
        createdAt: guide.createdAt,
        groupId: access.groupId,
        sessionId: access.sessionId,
        permission: access.permission,
        lock: lockView(access.lock),
        canLock: access.canLock,
        review: reviewView(access.review),
      };
    },
  };
}

export type GuideService = ReturnType<typeof createGuideService>;

/** A lock as people see it: when and why, not who (the facilitator's id is nobody's business). */
export const lockView = (lock: GuideLockRecord | null): Guide['lock'] =>
  lock && { lockedAt: lock.lockedAt, reason: lock.reason };

/** Where a guide stands in the review, as lists show it (who moved it is in its history). */
export const reviewView = (review: GuideReviewRecord | null): Guide['review'] =>
  review
    ? { status: review.status, changedAt: review.changedAt }
    : { status: 'drafting', changedAt: null };
