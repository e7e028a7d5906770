import type { Request, Response, Router } from 'express';
import express from 'express';
import { DomainError, unauthenticated } from '../lib/domainError.ts';
import { sessionTokenFrom } from '../lib/sessionToken.ts';
import type { Repositories } from '../persistence/index.ts';
import type { AuthService } from '../services/auth/authService.ts';
import { loadViewer, sessionInEvent } from '../services/conference/viewer.ts';
import type { EventBus } from '../services/events/eventBus.ts';

export interface SessionEventsOptions {
  auth: AuthService;
  repositories: Repositories;
  events: EventBus;
  /** A comment line this often keeps proxies from closing a quiet stream. */
  heartbeatMs?: number;
}

/**
 * `GET /api/sessions/:sessionId/events`: a server-sent event stream that says `changed` whenever
 * something the session's pages show changed (phase, timer, announcements, locks, who is
 * online), and once on opening. It carries no content: pages then ask `GET
 * /api/sessions/:sessionId/live` (or the console), which decides what each person may see. Same
 * rules as reading the session: signed in, same event (another event's session is 404).
 */
/** Open streams one sign-in may hold at once (a person's tabs and the console, with room). */
export const maxStreamsPerSignIn = 12;

export class SessionEventStreams {
  private readonly open = new Set<Response>();
  private readonly perSignIn = new Map<string, number>();

  constructor(private readonly options: SessionEventsOptions) {}

  router(): Router {
    return sessionEventsRouter(this.options, this.open, this.perSignIn);
  }

  /** Ends every open stream (a graceful stop: browsers reconnect to the next server). */
  closeAll(): void {
    for (const response of this.open) response.end();
    this.open.clear();
  }
}

function sessionEventsRouter(
  options: SessionEventsOptions,
  open: Set<Response>,
  perSignIn: Map<string, number>,
): Router {
  const router = express.Router();
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  router.get('/sessions/:sessionId/events', async (request: Request, response: Response) => {
    const signIn = await options.auth.authenticate(sessionTokenFrom(request));
    if (!signIn) throw unauthenticated();
    const viewer = await loadViewer(options.repositories, signIn.personId).catch(() => {
      throw unauthenticated();
    });
    const sessionId = String(request.params.sessionId);
    await sessionInEvent(options.repositories, viewer, sessionId);
    // Each stream holds a socket and a listener: one sign-in cannot open them without end.
    const held = perSignIn.get(signIn.authSessionId) ?? 0;
    if (held >= maxStreamsPerSignIn) {
      throw new DomainError(
        'rate_limited',
        'Too many pages of sessions are open with this sign-in; close some and try again.',
      );
    }
    perSignIn.set(signIn.authSessionId, held + 1);

    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // A buffering proxy would hold the events back.
      'X-Accel-Buffering': 'no',
    });
    const say = (event: string) => response.write(`event: ${event}\ndata: {}\n\n`);
    // Reconnect quickly after a restart (the browser's EventSource does it by itself).
    response.write('retry: 2000\n\n');
    say('changed');
    const unsubscribe = options.events.subscribe('sessionLive', (event) => {
      if (event.sessionId === sessionId) say('changed');
    });
    const heartbeat = setInterval(() => response.write(': still here\n\n'), heartbeatMs);
    heartbeat.unref();
    open.add(response);
    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(response);
      const left = (perSignIn.get(signIn.authSessionId) ?? 1) - 1;
      if (left > 0) perSignIn.set(signIn.authSessionId, left);
      else perSignIn.delete(signIn.authSessionId);
    };
    response.on('close', stop);
    // A sign-in revoked or ended later ends the stream at the next check.
    const recheck = setInterval(async () => {
      if (!(await options.auth.isSignInActive(signIn.authSessionId).catch(() => false))) {
        stop();
        clearInterval(recheck);
        response.end();
      }
    }, 60_000);
    recheck.unref();
    response.on('close', () => clearInterval(recheck));
  });
  return router;
}
