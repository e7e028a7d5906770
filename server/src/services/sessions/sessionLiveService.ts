import {
  announcementRequestSchema,
  type Announcement,
  type AnnouncementRequest,
  type ConferenceSession,
  type SessionConsole,
  type SessionLive,
  type SessionPhase,
  type TimerAction,
} from '@draftroom/shared';
import { forbidden, notFound } from '../../lib/domainError.ts';
import { randomId } from '../../lib/ids.ts';
import { perPersonLimit } from '../../lib/perPersonLimit.ts';
import { memoryLimiters, type Limiters } from '../../lib/rateLimits.ts';
import type {
  AnnouncementRecord,
  ConferenceStore,
  GroupRecord,
  GuideReviewRecord,
  SessionLiveRecord,
} from '../../persistence/index.ts';
import { canManageSession, guidePermission, type Viewer } from '../access/policy.ts';
import { placeOf, sessionInEvent } from '../conference/viewer.ts';
import type { GuideDocuments } from '../documents/guideDocuments.ts';
import { wordsIn } from '../documents/wordCount.ts';
import type { EventBus } from '../events/eventBus.ts';
import { nextTimer, timerView } from './timer.ts';

/** A session's live state as stored, read once for every page (see `viewFor`). */
export interface SessionSnapshot {
  session: ConferenceSession;
  live: SessionLiveRecord;
  announcements: AnnouncementRecord[];
  groups: GroupRecord[];
  /** The review of each of its guides that ever moved (the others are drafting). */
  reviews: Map<string, GuideReviewRecord>;
  /** When it was read (ms). */
  now: number;
}

/**
 * The live state as one person may see it: announcements meant for one group only for those
 * who may open its guide (or run the session). Pure, so one read serves every open page.
 */
export function viewFor(snapshot: SessionSnapshot, viewer: Viewer): SessionLive {
  const { session, live, now } = snapshot;
  const sessionId = session.id;
  const canRun = canManageSession(viewer, { eventId: session.eventId, sessionId });
  const groupsById = new Map(snapshot.groups.map((group) => [group.id, group]));
  const visible = snapshot.announcements.filter((announcement) => {
    if (announcement.groupId === null || canRun) return true;
    const group = groupsById.get(announcement.groupId);
    return group !== undefined && guidePermission(viewer, placeOf(group, session)) !== null;
  });
  return {
    sessionId,
    phase: live.phase,
    timer: timerView(live.timer, now),
    freeze: live.freezeAt ? { at: live.freezeAt, done: live.frozenAt !== null } : null,
    announcements: visible.map((announcement): Announcement => ({
      id: announcement.id,
      groupId: announcement.groupId,
      text: announcement.text,
      createdAt: announcement.createdAt,
      from: announcement.fromName,
    })),
    serverNow: new Date(now).toISOString(),
    canRun,
    // Only the guides this person may open: another group's progress is not theirs to follow.
    reviews: snapshot.groups.flatMap((group) =>
      canRun || guidePermission(viewer, placeOf(group, session)) !== null
        ? [reviewEntry(group.guideId, snapshot.reviews.get(group.guideId))]
        : [],
    ),
  };
}

const reviewEntry = (guideId: string, review: GuideReviewRecord | undefined) => ({
  guideId,
  status: review?.status ?? ('drafting' as const),
  changedAt: review?.changedAt ?? null,
});

/** How long a guide's word count on the console may be old. */
const wordCountTtlMs = 15_000;

/** Who has a guide open now, by name (the collaboration server knows its sockets). */
export interface OnlinePeople {
  namesOn(guideId: string): string[];
}

/**
 * Running a session live: its phase, its timer and announcements, the same in every group and
 * kept across restarts. Those who manage the session change them; everyone of the event may
 * read them (announcements meant for one group only by those who may open its guide). Every
 * change is announced on the event bus (`sessionLive`), which open pages hear within a second.
 */
export function createSessionLiveService(
  persistence: ConferenceStore,
  events: EventBus,
  documents: GuideDocuments,
  online: OnlinePeople,
  /** Where its per-person limits count (Redis with several instances: they hold across them). */
  limiters: Limiters = memoryLimiters,
) {
  const { repositories } = persistence;
  // Every change makes every open page of the session read again: a burst of them is a herd.
  const changeLimit = perPersonLimit(
    30,
    'You changed this session many times in the last minute; wait a moment and try again.',
    { limiters, name: 'sessionChanges' },
  );

  /** The session, if the viewer runs it. */
  async function runBy(viewer: Viewer, sessionId: string) {
    const session = await sessionInEvent(repositories, viewer, sessionId);
    if (!canManageSession(viewer, { eventId: session.eventId, sessionId })) {
      throw forbidden('Only organisers and this session’s facilitators can run it.');
    }
    return session;
  }
  /** The same, for a change: each one counts against the person's limit. */
  async function runnable(viewer: Viewer, sessionId: string) {
    const session = await runBy(viewer, sessionId);
    await changeLimit.take(viewer.person.id);
    return session;
  }

  // Counting words decodes the whole guide: the console (read again on every change) reuses a
  // count for a few seconds rather than decode every group's guide each time.
  const wordCounts = new Map<string, { words: number; at: number }>();
  async function wordsOf(guideId: string): Promise<number> {
    const cached = wordCounts.get(guideId);
    if (cached && Date.now() - cached.at < wordCountTtlMs) return cached.words;
    // One guide per turn of the event loop: edits in flight are not held up by fifty decodes.
    await new Promise((resolve) => setImmediate(resolve));
    const words = wordsIn(await documents.readState(guideId));
    if (wordCounts.size > 10_000) wordCounts.clear();
    wordCounts.set(guideId, { words, at: Date.now() });
    return words;
  }

  /** What the pages of a session show, read once for all of them (`viewFor` cuts it per person). */
  async function snapshot(sessionId: string): Promise<SessionSnapshot | null> {
    const session = await repositories.sessions.get(sessionId);
    if (!session) return null;
    const [live, announcements, groups] = await Promise.all([
      repositories.sessionLive.get(sessionId),
      repositories.sessionLive.announcements(sessionId),
      repositories.groups.listBySessions([sessionId]),
    ]);
    const reviews = await repositories.guideReviews.among(groups.map((group) => group.guideId));
    return { session, live, announcements, groups, reviews, now: Date.now() };
  }

  async function read(viewer: Viewer, sessionId: string): Promise<SessionLive> {
    await sessionInEvent(repositories, viewer, sessionId);
    const taken = await snapshot(sessionId);
    if (!taken) throw notFound('This session');
    return viewFor(taken, viewer);
  }

  const changed = (sessionId: string) => events.publish('sessionLive', { sessionId });

  return {
    read,
    snapshot,
    viewFor,

    async timer(viewer: Viewer, sessionId: string, action: TimerAction): Promise<SessionLive> {
      await runnable(viewer, sessionId);
      const live = await repositories.sessionLive.get(sessionId);
      const now = Date.now();
      const timer = nextTimer(live.timer, action, now);
      await repositories.sessionLive.save(
        sessionId,
        { ...live, timer },
        new Date(now).toISOString(),
      );
      changed(sessionId);
      return read(viewer, sessionId);
    },

    async phase(
      viewer: Viewer,
      sessionId: string,
      phase: SessionPhase | null,
    ): Promise<SessionLive> {
      await runnable(viewer, sessionId);
      const live = await repositories.sessionLive.get(sessionId);
      await repositories.sessionLive.save(sessionId, { ...live, phase }, new Date().toISOString());
      changed(sessionId);
      return read(viewer, sessionId);
    },

    /** Schedules the freeze at the session's end (or cancels it); a new schedule runs again. */
    async scheduleFreeze(
      viewer: Viewer,
      sessionId: string,
      scheduled: boolean,
    ): Promise<SessionLive> {
      const session = await runnable(viewer, sessionId);
      const live = await repositories.sessionLive.get(sessionId);
      await repositories.sessionLive.save(
        sessionId,
        { ...live, freezeAt: scheduled ? session.endsAt : null, frozenAt: null },
        new Date().toISOString(),
      );
      changed(sessionId);
      return read(viewer, sessionId);
    },

    async announce(
      viewer: Viewer,
      sessionId: string,
      request: AnnouncementRequest,
    ): Promise<Announcement> {
      await runnable(viewer, sessionId);
      const { text, groupId } = announcementRequestSchema.parse(request);
      if (groupId !== null) {
        const group = await repositories.groups.get(groupId);
        if (!group || group.sessionId !== sessionId) throw notFound('That group of this session');
      }
      const announcement = {
        id: randomId(),
        sessionId,
        groupId,
        text,
        fromName: viewer.person.displayName,
        createdBy: viewer.person.id,
        createdAt: new Date().toISOString(),
      };
      await repositories.sessionLive.addAnnouncement(announcement);
      changed(sessionId);
      return {
        id: announcement.id,
        groupId,
        text,
        createdAt: announcement.createdAt,
        from: announcement.fromName,
      };
    },

    /** Every group of the session: who has its guide open, how many words, whether locked. */
    async console(viewer: Viewer, sessionId: string): Promise<SessionConsole> {
      await runBy(viewer, sessionId);
      const groups = await repositories.groups.listBySessions([sessionId]);
      const locks = await repositories.guideLocks.among(groups.map((group) => group.guideId));
      const rows: SessionConsole['groups'] = [];
      for (const group of groups) {
        rows.push({
          groupId: group.id,
          name: group.name,
          guideId: group.guideId,
          online: online.namesOn(group.guideId),
          words: await wordsOf(group.guideId),
          locked: locks.has(group.guideId),
        });
      }
      return { groups: rows };
    },
  };
}

export type SessionLiveService = ReturnType<typeof createSessionLiveService>;
