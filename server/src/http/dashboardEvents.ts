import type { Request, Response, Router } from 'express';
import express from 'express';
import type { DashboardRow, DashboardUpdate } from '@draftroom/shared';
import { unauthenticated } from '../lib/domainError.ts';
import type { Logger } from '../lib/logger.ts';
import { sessionTokenFrom } from '../lib/sessionToken.ts';
import type { Repositories } from '../persistence/index.ts';
import { canSeeDashboard } from '../services/access/policy.ts';
import type { AuthService, SignIn } from '../services/auth/authService.ts';
import { loadViewer } from '../services/conference/viewer.ts';
import type { DashboardService } from '../services/dashboard/dashboardService.ts';
import type { EventBus } from '../services/events/eventBus.ts';
import type { StreamCap } from './streamCap.ts';

export interface DashboardEventsOptions {
  auth: AuthService;
  repositories: Repositories;
  events: EventBus;
  dashboard: DashboardService;
  cap: StreamCap;
  log: Logger;
  heartbeatMs?: number;
  /** An event's open dashboards are sent changed rows at most this often. */
  everyMs?: number;
}

interface Stream {
  response: Response;
  signIn: SignIn;
}

/** An event's open dashboards, the guides they were sent, and the changes waiting. */
interface EventStreams {
  streams: Set<Stream>;
  shown: Set<string>;
  pending: Set<string>;
  timer: NodeJS.Timeout | null;
  lastSent: number;
}

/**
 * `GET /api/dashboard/events`: the dashboard's rows as server-sent events (`event: rows`): the
 * whole set on opening, then only the rows of guides that changed, at most once per `everyMs`
 * per event, read once for every open dashboard of the event. Organisers of the event only;
 * counts against the per-sign-in stream cap; ended on sign-out, revocation, a lost role or a
 * graceful stop.
 */
export class DashboardEventStreams {
  private readonly byEvent = new Map<string, EventStreams>();
  private readonly unsubscribes: Array<() => void>;

  constructor(private readonly options: DashboardEventsOptions) {
    this.unsubscribes = [
      options.dashboard.onChange((guideIds) => this.note(guideIds)),
      options.events.subscribe('guideReview', ({ guideId }) => this.note([guideId])),
      // A thread started, resolved, reopened or emptied changes the open-comments column.
      options.events.subscribe('guideComments', ({ guideId }) => this.note([guideId])),
      options.events.subscribe('guidesRenamed', ({ guideIds }) => this.note(guideIds)),
      options.events.subscribe('access', (change) => {
        if (change.kind === 'people') void this.recheck(change.personIds);
        // A group removed (its guide's access changed): its row goes.
        if (change.kind === 'documents') this.note(change.documentIds);
        if (change.kind === 'signIns')
          this.end((s) => change.authSessionIds.includes(s.signIn.authSessionId));
        if (change.kind === 'personRevoked') this.end((s) => s.signIn.personId === change.personId);
      }),
    ];
  }

  router(): Router {
    const router = express.Router();
    router.get('/dashboard/events', (request, response) => this.open(request, response));
    return router;
  }

  closeAll(): void {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    for (const entry of this.byEvent.values()) if (entry.timer) clearTimeout(entry.timer);
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
    const { auth, repositories, dashboard, cap } = this.options;
    const signIn = await auth.authenticate(sessionTokenFrom(request));
    if (!signIn) throw unauthenticated();
    const viewer = await loadViewer(repositories, signIn.personId).catch(() => {
      throw unauthenticated();
    });
    const eventId = dashboard.checkViewer(viewer);
    const rows = await dashboard.rows(viewer);
    cap.take(signIn.authSessionId);

    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    });
    response.write('retry: 2000\n\n');
    let entry = this.byEvent.get(eventId);
    if (!entry) {
      entry = {
        streams: new Set(),
        shown: new Set(),
        pending: new Set(),
        timer: null,
        lastSent: 0,
      };
      this.byEvent.set(eventId, entry);
    }
    for (const row of rows) entry.shown.add(row.guideId);
    const stream: Stream = { response, signIn };
    this.write(stream, { rows, full: true, removed: [], at: new Date().toISOString() });
    entry.streams.add(stream);

    const heartbeat = setInterval(
      () => response.write(': still here\n\n'),
      this.options.heartbeatMs ?? 25_000,
    );
    heartbeat.unref();
    const streams = entry;
    response.on('close', () => {
      clearInterval(heartbeat);
      streams.streams.delete(stream);
      if (streams.streams.size === 0) {
        if (streams.timer) clearTimeout(streams.timer);
        this.byEvent.delete(eventId);
      }
      cap.release(signIn.authSessionId);
    });
  }

  private write(stream: Stream, update: DashboardUpdate): void {
    stream.response.write(`event: rows\ndata: ${JSON.stringify(update)}\n\n`);
  }

  /** Guides changed: every event with an open dashboard reads them at its next send. */
  private note(guideIds: readonly string[]): void {
    for (const [eventId, entry] of this.byEvent) {
      for (const id of guideIds) entry.pending.add(id);
      if (entry.timer) continue;
      const everyMs = this.options.everyMs ?? 1000;
      // A short pause gathers a burst; never sooner than `everyMs` after the last send.
      const wait = Math.max(50, entry.lastSent + everyMs - Date.now());
      entry.timer = setTimeout(() => {
        entry.timer = null;
        void this.flush(eventId, entry).catch((error: unknown) =>
          this.options.log.error({ err: error, eventId }, 'dashboard rows could not be sent'),
        );
      }, wait);
      entry.timer.unref();
    }
  }

  private async flush(eventId: string, entry: EventStreams): Promise<void> {
    const guideIds = entry.pending;
    entry.pending = new Set();
    entry.lastSent = Date.now();
    const rows: DashboardRow[] = await this.options.dashboard.rowsOf(eventId, guideIds);
    const found = new Set(rows.map((row) => row.guideId));
    // Only guides this event's dashboards were shown may be said gone: another event's ids
    // arrive here too (every change is heard) and must never reach these pages.
    const removed = [...guideIds].filter((id) => entry.shown.has(id) && !found.has(id));
    for (const id of removed) entry.shown.delete(id);
    for (const id of found) entry.shown.add(id);
    if (rows.length === 0 && removed.length === 0) return;
    const update: DashboardUpdate = { rows, full: false, removed, at: new Date().toISOString() };
    for (const stream of entry.streams) {
      if (!stream.response.writableEnded) this.write(stream, update);
    }
  }

  /** Someone's role changed: a dashboard of someone no longer an organiser ends. */
  private async recheck(personIds: readonly string[]): Promise<void> {
    for (const [eventId, entry] of this.byEvent) {
      for (const stream of entry.streams) {
        if (!personIds.includes(stream.signIn.personId)) continue;
        const viewer = await loadViewer(this.options.repositories, stream.signIn.personId).catch(
          () => null,
        );
        if (!viewer || !canSeeDashboard(viewer, eventId)) stream.response.end();
      }
    }
  }

  private end(which: (stream: Stream) => boolean): void {
    for (const entry of this.byEvent.values()) {
      for (const stream of entry.streams) if (which(stream)) stream.response.end();
    }
  }
}
