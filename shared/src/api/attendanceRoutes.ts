import {
  personalProgrammeSchema,
  planAttendanceRequestSchema,
  setAudiencesRequestSchema,
} from './attendance.ts';
import type { ApiRoute } from './routes.ts';

/**
 * The personal programme (spread into `apiRoutes`): everyone signed in marks the sessions of their
 * event they plan to attend and downloads them as a calendar; organisers and facilitators see how
 * many plan to attend each session.
 */
export const attendanceRoutes = {
  personalProgramme: {
    method: 'get',
    path: '/me/programme',
    summary:
      "The caller's audiences and planned sessions; for organisers and facilitators, how many plan to attend each session they run.",
    access: 'signedIn',
    status: 200,
    response: personalProgrammeSchema,
  },
  setAudiences: {
    method: 'put',
    path: '/me/audiences',
    summary: 'Which audiences the caller follows (their programme highlights those sessions).',
    access: 'signedIn',
    request: setAudiencesRequestSchema,
    status: 200,
    response: personalProgrammeSchema,
  },
  planAttendance: {
    method: 'put',
    path: '/sessions/:sessionId/attendance',
    summary: 'Mark (or unmark) a session of the event as one the caller plans to attend.',
    access: 'signedIn',
    request: planAttendanceRequestSchema,
    status: 200,
    response: personalProgrammeSchema,
  },
  myCalendar: {
    method: 'get',
    path: '/me/calendar.ics',
    summary:
      "The sessions the caller plans to attend as an iCalendar file (times in UTC, which calendars show in the reader's own time zone).",
    access: 'signedIn',
    status: 200,
    response: null,
    download: true,
  },
} as const satisfies Record<string, ApiRoute>;
