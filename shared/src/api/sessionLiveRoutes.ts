import {
  announcementRequestSchema,
  announcementSchema,
  scheduleFreezeRequestSchema,
  sessionConsoleSchema,
  sessionLiveSchema,
  setPhaseRequestSchema,
  timerActionSchema,
} from '../conference/sessionLive.ts';
import type { ApiRoute } from './routes.ts';

/**
 * Running a session live, part of the one route table (`apiRoutes` spreads them in): reading
 * its phase, timer and announcements (anyone of the event), and changing them (its managers).
 */
export const sessionLiveRoutes = {
  sessionLive: {
    method: 'get',
    path: '/sessions/:sessionId/live',
    summary:
      "What a session's open pages show: its phase, timer and the announcements meant for the caller. Open pages get the same on every change from GET /api/sessions/:sessionId/events (a server-sent event stream, `event: live`).",
    access: 'signedIn',
    status: 200,
    response: sessionLiveSchema,
  },
  sessionTimer: {
    method: 'post',
    path: '/sessions/:sessionId/timer',
    summary: "Start, extend, pause, resume or end the session's timer (every group counts down).",
    access: 'facilitator',
    request: timerActionSchema,
    status: 200,
    response: sessionLiveSchema,
  },
  sessionPhase: {
    method: 'put',
    path: '/sessions/:sessionId/phase',
    summary: 'Set the phase every group of the session is in (or none).',
    access: 'facilitator',
    request: setPhaseRequestSchema,
    status: 200,
    response: sessionLiveSchema,
  },
  sessionFreeze: {
    method: 'put',
    path: '/sessions/:sessionId/freeze',
    summary:
      "Schedule (or cancel) the freeze at the session's end: every guide gets a named version, then is locked.",
    access: 'facilitator',
    request: scheduleFreezeRequestSchema,
    status: 200,
    response: sessionLiveSchema,
  },
  announce: {
    method: 'post',
    path: '/sessions/:sessionId/announcements',
    summary: 'Send an announcement to every group of the session, or to one.',
    access: 'facilitator',
    request: announcementRequestSchema,
    status: 201,
    response: announcementSchema,
  },
  sessionConsole: {
    method: 'get',
    path: '/sessions/:sessionId/console',
    summary:
      'Every group of the session at a glance, for those who run it: who has its guide open, words written, locked or not.',
    access: 'facilitator',
    status: 200,
    response: sessionConsoleSchema,
  },
} as const satisfies Record<string, ApiRoute>;
