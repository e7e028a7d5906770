import type { Request, Response, Router } from 'express';
import express from 'express';
import { DomainError, unauthenticated } from '../lib/domainError.ts';
import type { Logger } from '../lib/logger.ts';
import { StreamCap } from './streamCap.ts';
import { sessionTokenFrom } from '../lib/sessionToken.ts';
import type { Repositories } from '../persistence/index.ts';
import type { Viewer } from '../services/access/policy.ts';
import type { AuthService, SignIn } from '../services/auth/authService.ts';
import { loadViewer, sessionInEvent } from '../services/conference/viewer.ts';
import type { EventBus, Topic } from '../services/events/eventBus.ts';

/**
 * One kind of state a session's pages follow: read once per change for all of them, then cut to
 * each person in memory. The phase, timer and announcements (`live`); the questions and polls
 * (`interaction`); a good-practice exchange's running order (`practices`).
 */
export interface SessionFeed<S = unknown> {
  /** The server-sent event's name. */
  event: string;
  /** The bus topic (carrying `{ sessionId }`) that says it changed. */
  topic: Extract<Topic, 'sessionLive' | 'sessionInteraction' | 'sessionPractices'>;
  snapshot(sessionId: string): Promise<S | null>;
  viewFor(snapshot: S, viewer: Viewer): unknown;
}

/** A feed with its snapshot's type forgotten, to sit in one list with the others. */
export const sessionFeed = <S>(feed: SessionFeed<S>) => feed as unknown as SessionFeed;

export interface SessionEventsOptions {
  auth: AuthService;
  repositories: Repositories;
  events: EventBus;
  /** What the stream sends, each read once per change and cut to each person. */
  feeds: readonly SessionFeed[];
  log: Logger;
  /** A comment line this often keeps proxies from closing a quiet stream. */
  heartbeatMs?: number;
  /** Changes this close together are sent once (a group arriving, a burst of clicks). */
  coalesceMs?: number;
  /** The per-sign-in count shared with the other event streams (the dashboard's). */
  cap?: StreamCap;
}

interface Stream {
  response: Response;
  signIn: SignIn;
  viewer: Viewer;
}

/**
 * `GET /api/sessions/:sessionId/events`: a server-sent event stream of the session's live state
 * (`event: live`, the JSON of `GET /api/sessions/:sessionId/live` as this person may see it) and
 * of its questions and polls (`event: interaction`, as `GET …/interaction`), on opening and
 * after every change: phase, timer, announcements, locks, who is online, a question asked or
 * voted up, a ballot cast. The state
 * is read once per change for every page of the session and cut to each person in memory, so an
 * announcement to a thousand pages is one read, not a thousand requests. Same rules as reading
 * the session: signed in, same event (another event's session is 404); a sign-in revoked ends
 * its streams, and a person's changed groups change what their streams are sent.
 */
export class SessionEventStreams {
  private readonly bySession = new Map<string, Set<Stream>>();
  private readonly cap: StreamCap;
  /** Broadcasts waiting out the coalescing delay, by feed and session. */
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly unsubscribes: Array<() => void>;

  constructor(private readonly options: SessionEventsOptions) {
    this.cap = options.cap ?? new StreamCap();
    this.unsubscribes = [
      ...options.feeds.map((feed) =>
        options.events.subscribe(feed.topic, ({ sessionId }) => this.schedule(feed, sessionId)),
      ),
      options.events.subscribe('access', (change) => {
        if (change.kind === 'people') void this.reloadViewers(change.personIds);
        if (change.kind === 'signIns')
          this.end((s) => change.authSessionIds.includes(s.signIn.authSessionId));
        if (change.kind === 'personRevoked') this.end((s) => s.signIn.personId === change.personId);
      }),
    ];
    this.expiryCheck = setInterval(() => void this.endExpired(), 5 * 60_000);
    this.expiryCheck.unref();
  }

  private readonly expiryCheck: NodeJS.Timeout;

  router(): Router {
    const router = express.Router();
    router.get('/sessions/:sessionId/events', (request, response) => this.open(request, response));
    return router;
  }

  /** Ends every open stream (a graceful stop: browsers reconnect to the next server). */
  closeAll(): void {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    clearInterval(this.expiryCheck);
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.end(() => true);
  }

  /**
   * Live events may have been missed (several instances, Redis lost for a while): ends every
   * open stream but keeps listening. Browsers reconnect by themselves (`retry: 2000`), are
   * authenticated and checked again, and get everything afresh.
   */
  resync(): void {
    this.end(() => true);
  }

  private async open(request: Request, response: Response): Promise<void> {
    const { auth, repositories } = this.options;
    const signIn = await auth.authenticate(sessionTokenFrom(request));
    if (!signIn) throw unauthenticated();
    const viewer = await loadViewer(repositories, signIn.personId).catch(() => {
      throw unauthenticated();
    });
    const sessionId = String(request.params.sessionId);
    await sessionInEvent(repositories, viewer, sessionId);
    const snapshots = await Promise.all(this.options.feeds.map((feed) => feed.snapshot(sessionId)));
    if (snapshots.some((snapshot) => snapshot === null)) {
      throw new DomainError('not_found', 'This session was not found.');
    }
    // Each stream holds a socket: one sign-in cannot open them without end.
    this.cap.take(signIn.authSessionId);
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // A buffering proxy would hold the events back.
      'X-Accel-Buffering': 'no',
    });
    // Reconnect quickly after a restart (the browser's EventSource does it by itself).
    response.write('retry: 2000\n\n');
    const stream: Stream = { response, signIn, viewer };
    this.options.feeds.forEach((feed, index) => this.send(feed, stream, snapshots[index]));
    let streams = this.bySession.get(sessionId);
    if (!streams) this.bySession.set(sessionId, (streams = new Set()));
    streams.add(stream);

    const heartbeat = setInterval(
      () => response.write(': still here\n\n'),
      this.options.heartbeatMs ?? 25_000,
    );
    heartbeat.unref();
    response.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(stream);
      if (streams.size === 0) this.bySession.delete(sessionId);
      this.cap.release(signIn.authSessionId);
    });
  }

  private send(feed: SessionFeed, stream: Stream, snapshot: unknown): void {
    const view = feed.viewFor(snapshot, stream.viewer);
    stream.response.write(`event: ${feed.event}\ndata: ${JSON.stringify(view)}\n\n`);
  }

  /** One read for every page of the session, a little after the first of a burst of changes. */
  private schedule(feed: SessionFeed, sessionId: string): void {
    const key = `${feed.event}:${sessionId}`;
    if (!this.bySession.has(sessionId) || this.pending.has(key)) return;
    const timer = setTimeout(() => {
      this.pending.delete(key);
      void this.broadcast(feed, sessionId).catch((error: unknown) =>
        this.options.log.error({ err: error, sessionId }, 'session state could not be sent'),
      );
    }, this.options.coalesceMs ?? 100);
    timer.unref();
    this.pending.set(key, timer);
  }

  private async broadcast(feed: SessionFeed, sessionId: string): Promise<void> {
    const snapshot = await feed.snapshot(sessionId);
    const streams = this.bySession.get(sessionId);
    if (!streams) return;
    if (!snapshot) {
      // The session was removed: its pages stop listening.
      for (const stream of streams) stream.response.end();
      return;
    }
    // A hundred pages per turn of the event loop, so edits are not held up behind a thousand.
    let sent = 0;
    for (const stream of [...streams]) {
      if (stream.response.writableEnded) continue;
      this.send(feed, stream, snapshot);
      if (++sent % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Someone's groups or role changed: what their streams may be sent changes with them. */
  private async reloadViewers(personIds: readonly string[]): Promise<void> {
    for (const [sessionId, streams] of this.bySession) {
      for (const stream of streams) {
        if (!personIds.includes(stream.signIn.personId)) continue;
        const viewer = await loadViewer(this.options.repositories, stream.signIn.personId).catch(
          () => null,
        );
        if (!viewer) {
          stream.response.end();
          continue;
        }
        stream.viewer = viewer;
        for (const feed of this.options.feeds) this.schedule(feed, sessionId);
      }
    }
  }

  /** A sign-in that expired (no event says so) ends its streams at the next check. */
  private async endExpired(): Promise<void> {
    for (const streams of this.bySession.values()) {
      for (const stream of streams) {
        const active = await this.options.auth
          .isSignInActive(stream.signIn.authSessionId)
          .catch(() => false);
        if (!active) stream.response.end();
      }
    }
  }

  private end(which: (stream: Stream) => boolean): void {
    for (const streams of this.bySession.values()) {
      for (const stream of streams) if (which(stream)) stream.response.end();
    }
  }
}
