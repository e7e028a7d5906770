import { exportJobSchema, exportOptionsSchema, sessionExportRequestSchema } from './exports.ts';
import type { ApiRoute } from './routes.ts';

/**
 * Exports (spread into `apiRoutes`): one guide as a file at once, or a session's guides compiled
 * into one document by a job the caller follows and may cancel. The server decides who may
 * export what (the policy): whoever may read a guide exports it, except that participants export
 * only their own group's; a session is compiled by those who run it, its organisers and its
 * observers, and only with the guides they may read.
 */
export const exportRoutes = {
  exportGuide: {
    method: 'get',
    path: '/guides/:guideId/export',
    summary:
      'The guide as a file (DOCX, PDF, HTML or Markdown), written from the state the server stores.',
    access: 'signedIn',
    query: exportOptionsSchema,
    status: 200,
    response: null,
    download: true,
  },
  startSessionExport: {
    method: 'post',
    path: '/sessions/:sessionId/exports',
    summary:
      "Start compiling the session's guides (all it may read, or those chosen) into one document; follow it with GET /exports/:exportId.",
    access: 'signedIn',
    request: sessionExportRequestSchema,
    status: 201,
    response: exportJobSchema,
  },
  exportJob: {
    method: 'get',
    path: '/exports/:exportId',
    summary: "A compiled export's progress (only its starter sees it).",
    access: 'signedIn',
    status: 200,
    response: exportJobSchema,
  },
  cancelExport: {
    method: 'delete',
    path: '/exports/:exportId',
    summary: 'Cancel a compiled export (or forget a finished one and its file).',
    access: 'signedIn',
    status: 204,
    response: null,
  },
  exportFile: {
    method: 'get',
    path: '/exports/:exportId/file',
    summary: "A finished compiled export's file.",
    access: 'signedIn',
    status: 200,
    response: null,
    download: true,
  },
} as const satisfies Record<string, ApiRoute>;
