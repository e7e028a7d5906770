import {
  setCurrentPracticeRequestSchema,
  setSessionPracticesRequestSchema,
  type ConferenceSession,
  type SessionPractices,
} from '@draftroom/shared';
import { DomainError, conflict, forbidden, notFound } from '../../lib/domainError.ts';
import { perPersonLimit } from '../../lib/perPersonLimit.ts';
import { memoryLimiters, type Limiters } from '../../lib/rateLimits.ts';
import type { ConferenceStore, PracticeCardRecord } from '../../persistence/index.ts';
import { canReadPractice, canSubmitPractices } from '../access/practicePolicy.ts';
import { canManageSession, type Viewer } from '../access/policy.ts';
import { sessionInEvent } from '../conference/viewer.ts';
import type { EventBus } from '../events/eventBus.ts';
import { accessFacts } from './practiceCards.ts';

/** A running order as stored, read once for every open page of the session (`viewFor` cuts it). */
export interface RunningOrderSnapshot {
  session: ConferenceSession;
  items: { practiceId: string; presenter: string | null; shown: PracticeCardRecord | null }[];
  currentPracticeId: string | null;
}

/**
 * The running order as one person sees it: only practices they may read (one sent back for
 * changes after it was put in the order is hidden from those who may not read it), and the
 * current one only if it is among those. Pure, so one read serves every open page.
 */
export function runningOrderFor(snapshot: RunningOrderSnapshot, viewer: Viewer): SessionPractices {
  const sessionId = snapshot.session.id;
  const items = snapshot.items.flatMap(({ practiceId, presenter, shown }) =>
    shown && canReadPractice(viewer, accessFacts(shown))
      ? [
          {
            practiceId,
            title: shown.title,
            parliament: shown.parliament,
            country: shown.country,
            summary: shown.summary,
            presenter,
          },
        ]
      : [],
  );
  const current = snapshot.currentPracticeId;
  return {
    sessionId,
    items,
    currentPracticeId:
      current !== null && items.some((item) => item.practiceId === current) ? current : null,
    canManage: canManageSession(viewer, { eventId: snapshot.session.eventId, sessionId }),
    canSubmit: canSubmitPractices(viewer),
  };
}

const invalid = (message: string) =>
  new DomainError('validation_failed', 'Some fields are not valid; correct them and try again.', [
    { path: 'items', message },
  ]);

/**
 * A good-practice exchange's running order (issue 17): which approved practices of the event it
 * presents, in order, by whom, and the one presented now. Those who run the session set them;
 * anyone of the event reads them. Every change is announced on the bus (`sessionPractices`) and
 * reaches the session's open pages through its event stream (the `practices` feed).
 */
export function createRunningOrderService(
  persistence: ConferenceStore,
  events: EventBus,
  limiters: Limiters = memoryLimiters,
) {
  const { repositories } = persistence;
  // Like the session's live state: each change makes every open page of the session read again.
  const changeLimit = perPersonLimit(
    30,
    'You changed this running order many times in the last minute; wait a moment and try again.',
    { limiters, name: 'sessionPracticeChanges' },
  );

  async function snapshot(sessionId: string): Promise<RunningOrderSnapshot | null> {
    const session = await repositories.sessions.get(sessionId);
    if (!session) return null;
    const [order, currentPracticeId] = await Promise.all([
      repositories.citations.runningOrder(sessionId),
      repositories.citations.currentPractice(sessionId),
    ]);
    const cards = await repositories.citations.cardsFor(
      session.eventId,
      order.map((item) => item.practiceId),
    );
    return {
      session,
      items: order.map((item) => ({
        practiceId: item.practiceId,
        presenter: item.presenter,
        shown: cards.get(item.practiceId)?.shown ?? null,
      })),
      currentPracticeId,
    };
  }

  async function read(viewer: Viewer, sessionId: string): Promise<SessionPractices> {
    await sessionInEvent(repositories, viewer, sessionId);
    const taken = await snapshot(sessionId);
    if (!taken) throw notFound('This session');
    return runningOrderFor(taken, viewer);
  }

  /** The session, if the viewer runs it and it is a good-practice exchange; counts one change. */
  async function changing(viewer: Viewer, sessionId: string): Promise<ConferenceSession> {
    const session = await sessionInEvent(repositories, viewer, sessionId);
    if (!canManageSession(viewer, { eventId: session.eventId, sessionId })) {
      throw forbidden('Only organisers and this session’s facilitators set its running order.');
    }
    if (session.kind !== 'good-practice-exchange') {
      throw conflict('Only a good-practice exchange has a running order of practices.');
    }
    await changeLimit.take(viewer.person.id);
    return session;
  }

  const changed = (sessionId: string) => events.publish('sessionPractices', { sessionId });

  return {
    read,
    snapshot,
    viewFor: runningOrderFor,

    async set(viewer: Viewer, sessionId: string, input: unknown): Promise<SessionPractices> {
      const { items } = setSessionPracticesRequestSchema.parse(input);
      const session = await changing(viewer, sessionId);
      const ids = items.map((item) => item.practiceId);
      if (new Set(ids).size !== ids.length) invalidThrow('A practice is presented once.');
      const found = await repositories.citations.practicesOf(session.eventId, ids);
      // Another event's id reads exactly as an unknown one: nothing says it exists.
      if (ids.some((id) => found.get(id)?.status !== 'approved')) {
        invalidThrow('Only approved practices of the library can be presented.');
      }
      await persistence.transaction(async (tx) => {
        await tx.citations.setRunningOrder(
          sessionId,
          items.map((item) => ({ practiceId: item.practiceId, presenter: item.presenter || null })),
        );
        const current = await tx.citations.currentPractice(sessionId);
        if (current !== null && !ids.includes(current)) {
          await tx.citations.setCurrentPractice(sessionId, null, new Date().toISOString());
        }
      });
      changed(sessionId);
      return read(viewer, sessionId);
    },

    async setCurrent(viewer: Viewer, sessionId: string, input: unknown): Promise<SessionPractices> {
      const { practiceId } = setCurrentPracticeRequestSchema.parse(input);
      await changing(viewer, sessionId);
      if (practiceId !== null) {
        const order = await repositories.citations.runningOrder(sessionId);
        if (!order.some((item) => item.practiceId === practiceId)) {
          throw new DomainError(
            'validation_failed',
            'Some fields are not valid; correct them and try again.',
            [{ path: 'practiceId', message: 'Choose a practice of this running order.' }],
          );
        }
      }
      await repositories.citations.setCurrentPractice(
        sessionId,
        practiceId,
        new Date().toISOString(),
      );
      changed(sessionId);
      return read(viewer, sessionId);
    },
  };
}

function invalidThrow(message: string): never {
  throw invalid(message);
}

export type RunningOrderService = ReturnType<typeof createRunningOrderService>;
