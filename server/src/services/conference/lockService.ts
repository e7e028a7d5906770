import type { Guide } from '@draftroom/shared';
import { forbidden, notFound } from '../../lib/domainError.ts';
import { perPersonLimit } from '../../lib/perPersonLimit.ts';
import { memoryLimiters, type Limiters } from '../../lib/rateLimits.ts';
import type { ConferenceStore, LockReason } from '../../persistence/index.ts';
import { canLockGuide, canManageSession, type Viewer } from '../access/policy.ts';
import type { EventBus } from '../events/eventBus.ts';
import type { GuideService } from './guideService.ts';
import { placeOf, sessionInEvent } from './viewer.ts';

/**
 * Locking guides: one group's, or every group's of a session at once. A lock is part of each
 * guide's permission (participants read, facilitators and organisers write); announcing it on
 * the event bus (`guideLock`) makes the collaboration server decide again for every open socket
 * of those guides and tell each browser why its editor turned read-only (or editable).
 */
export function createLockService(
  persistence: ConferenceStore,
  guides: GuideService,
  events: EventBus,
  /** A version of each guide a facilitator locks (kind `lock`), as it was when locked. */
  takeVersion: (guideId: string, by: string) => Promise<unknown>,
  onVersionError: (guideId: string, error: unknown) => void,
  /** Where its per-person limits count (Redis with several instances: they hold across them). */
  limiters: Limiters = memoryLimiters,
) {
  const { repositories } = persistence;
  // Each lock takes a version of every guide it locks (a whole guide read and stored) and makes
  // the collaboration server decide every open socket of them again: like review moves, a person
  // makes at most 20 a minute (a session's lock counts once).
  const changeLimit = perPersonLimit(
    20,
    'You locked or unlocked guides many times in the last minute; wait a moment and try again.',
    { limiters, name: 'locks' },
  );

  async function apply(
    viewer: Viewer,
    sessionId: string,
    guideIds: readonly string[],
    locked: boolean,
    reason: LockReason,
  ): Promise<Guide[]> {
    const changed = locked
      ? await repositories.guideLocks.lock(guideIds, {
          lockedAt: new Date().toISOString(),
          lockedBy: reason === 'freeze' ? null : viewer.person.id,
          reason,
        })
      : await repositories.guideLocks.unlock(guideIds);
    if (changed.length > 0) {
      events.publish('guideLock', { guideIds: changed, locked, reason });
      if (locked) {
        // The lock stands whatever happens to its version; a failed one is logged, not fatal.
        await Promise.all(
          changed.map((guideId) =>
            takeVersion(guideId, viewer.person.id).catch((error: unknown) =>
              onVersionError(guideId, error),
            ),
          ),
        );
      }
      // The session's console shows which guides are locked.
      events.publish('sessionLive', { sessionId });
    }
    return Promise.all(guideIds.map((guideId) => guides.get(viewer, guideId)));
  }

  return {
    async setGuideLock(viewer: Viewer, guideId: string, locked: boolean): Promise<Guide[]> {
      const group = await repositories.groups.getByGuide(guideId);
      const session = group && (await repositories.sessions.get(group.sessionId));
      // Like opening it: another event's guide, or one without a group, does not exist here.
      if (!group || !session || session.eventId !== viewer.person.eventId) {
        throw notFound('This guide');
      }
      if (!canLockGuide(viewer, placeOf(group, session))) {
        throw forbidden('Only the group’s facilitators and the organisers can lock its guide.');
      }
      await changeLimit.take(viewer.person.id);
      return apply(viewer, session.id, [guideId], locked, 'facilitator');
    },

    /**
     * The scheduled freeze: locks every guide of the session for nobody in particular (the
     * reason says `freeze`); returns the guides it locked.
     */
    async freeze(sessionId: string): Promise<string[]> {
      const groups = await repositories.groups.listBySessions([sessionId]);
      const locked = await repositories.guideLocks.lock(
        groups.map((group) => group.guideId),
        { lockedAt: new Date().toISOString(), lockedBy: null, reason: 'freeze' },
      );
      if (locked.length > 0) {
        events.publish('guideLock', { guideIds: locked, locked: true, reason: 'freeze' });
        events.publish('sessionLive', { sessionId });
      }
      return locked;
    },

    async setSessionLock(viewer: Viewer, sessionId: string, locked: boolean): Promise<Guide[]> {
      const session = await sessionInEvent(repositories, viewer, sessionId);
      if (!canManageSession(viewer, { eventId: session.eventId, sessionId })) {
        throw forbidden('Only organisers and this session’s facilitators can lock its guides.');
      }
      await changeLimit.take(viewer.person.id);
      const groups = await repositories.groups.listBySessions([sessionId]);
      return apply(
        viewer,
        sessionId,
        groups.map((group) => group.guideId),
        locked,
        'facilitator',
      );
    },
  };
}

export type LockService = ReturnType<typeof createLockService>;
