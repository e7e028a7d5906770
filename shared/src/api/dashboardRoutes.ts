import {
  dashboardActivityQuerySchema,
  dashboardActivitySchema,
  dashboardSchema,
} from './dashboard.ts';
import type { ApiRoute } from './routes.ts';

/**
 * The organisers' dashboard (spread into `apiRoutes`): every guide of the event in one grid, and
 * edits over time. Organisers of the event only. Open pages follow it through
 * `GET /api/dashboard/events` (server-sent events, `event: rows`, see `dashboardUpdateSchema`).
 */
export const dashboardRoutes = {
  dashboard: {
    method: 'get',
    path: '/dashboard',
    summary:
      'Every guide of the event: session, group, language, status, people online, contributors, words, sections, comments, last edit. Live through GET /api/dashboard/events (server-sent events: the rows in the stream, changed rows only after the first).',
    access: 'organiser',
    status: 200,
    response: dashboardSchema,
  },
  dashboardActivity: {
    method: 'get',
    path: '/dashboard/activity',
    summary:
      'Stored edits per time bucket for one guide or one session (from the attribution record).',
    access: 'organiser',
    query: dashboardActivityQuerySchema,
    status: 200,
    response: dashboardActivitySchema,
  },
} as const satisfies Record<string, ApiRoute>;
