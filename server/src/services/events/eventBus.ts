import type { CommentThread, ReviewStatus } from '@draftroom/shared';
import type { LockReason } from '../../persistence/index.ts';
import type { AccessChange } from '../access/accessEvents.ts';

/**
 * Every live event that is not a document edit, by topic: what a service announces and the
 * collaboration server (or a page's live channel) acts on. A feature that raises a new kind of
 * event adds its topic here; nothing else changes when the bus later carries events across
 * server instances.
 */
export interface LiveEvents {
  /** Someone's access may have changed: open sockets concerned are decided again. */
  access: AccessChange;
  /** Guides were locked or unlocked: their open sockets are decided again and told why. */
  guideLock: { guideIds: readonly string[]; locked: boolean; reason: LockReason };
  /**
   * A guide's review moved: its open sockets are decided again (a published guide is read-only
   * for all but the organisers) and told why (`review`).
   */
  guideReview: { guideId: string; sessionId: string; from: ReviewStatus; to: ReviewStatus };
  /**
   * A comment thread of a guide changed (started, replied to, resolved, reopened, a comment
   * deleted): the collaboration server sends it to the guide's open sockets, all of which may
   * read it (reading the guide is reading its comments).
   */
  guideComments: { guideId: string; thread: CommentThread };
  /**
   * A guide's dot votes changed (opened, dots placed or moved, closed): the collaboration server
   * reads them once and sends each of the guide's open sockets its person's cut. Carries no
   * content: totals of an open vote are not everyone's to hear.
   */
  guideDotVotes: { guideId: string };
  /**
   * The names guides are shown under changed (their group renamed, their session retitled):
   * pages listing them (the organisers' dashboard) read those rows again.
   */
  guidesRenamed: { guideIds: readonly string[] };
  /**
   * Something a session's open pages show changed (phase, timer, an announcement, a lock, who
   * is online): they ask for it again. Carries no content, so nobody hears what is not theirs.
   */
  sessionLive: { sessionId: string };
  /**
   * A session's questions or polls changed (asked, voted, moderated, opened, revealed): its open
   * pages are sent their cut of them again. Carries no content, like `sessionLive`.
   */
  sessionInteraction: { sessionId: string };
  /**
   * A session's running order of practices, or the one presented now, changed: its open pages
   * are sent the running order again (the `practices` feed of the session's stream).
   */
  sessionPractices: { sessionId: string };
  /**
   * A practice of the library changed (saved, reviewed, merged, made public or not): pages and
   * guides showing its card may read it again. Carries the id only.
   */
  practiceChanged: { eventId: string; practiceId: string };
}

export type Topic = keyof LiveEvents;
export type Listener<T extends Topic> = (event: LiveEvents[T]) => void;

/**
 * The one way live events travel. Publishing never waits for listeners and never fails because
 * of one: a listener that throws is reported to `onListenerError` and the others still run.
 */
export interface EventBus {
  publish<T extends Topic>(topic: T, event: LiveEvents[T]): void;
  /** Returns a function that unsubscribes. */
  subscribe<T extends Topic>(topic: T, listener: Listener<T>): () => void;
}

/** The bus within one server process (listeners run synchronously, in subscription order). */
export class InProcessEventBus implements EventBus {
  private readonly listeners = new Map<Topic, Set<Listener<Topic>>>();

  constructor(
    private readonly onListenerError: (topic: Topic, error: unknown) => void = () => {},
  ) {}

  publish<T extends Topic>(topic: T, event: LiveEvents[T]): void {
    for (const listener of [...(this.listeners.get(topic) ?? [])]) {
      try {
        (listener as Listener<T>)(event);
      } catch (error) {
        this.onListenerError(topic, error);
      }
    }
  }

  subscribe<T extends Topic>(topic: T, listener: Listener<T>): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener as Listener<Topic>);
    return () => set.delete(listener as Listener<Topic>);
  }
}
