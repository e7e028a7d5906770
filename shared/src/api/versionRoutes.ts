import type { ApiRoute } from './routes.ts';
import {
  guideVersionContentSchema,
  guideVersionListSchema,
  guideVersionSchema,
  restoreResultSchema,
  saveVersionRequestSchema,
} from './versions.ts';

/**
 * The version history of a guide (spread into `apiRoutes`). Who may call which is decided by
 * the policy from the caller's permission on the guide: readers list and open versions, writers
 * save and restore them.
 */
export const versionRoutes = {
  listVersions: {
    method: 'get',
    path: '/guides/:guideId/versions',
    summary: "A guide's saved versions, newest first (without their content).",
    access: 'signedIn',
    status: 200,
    response: guideVersionListSchema,
  },
  saveVersion: {
    method: 'post',
    path: '/guides/:guideId/versions',
    summary: 'Save the guide as it is now, as a named version.',
    access: 'signedIn',
    request: saveVersionRequestSchema,
    status: 201,
    response: guideVersionSchema,
  },
  getVersion: {
    method: 'get',
    path: '/guides/:guideId/versions/:versionId',
    summary: 'One version of a guide, with its content (ProseMirror JSON).',
    access: 'signedIn',
    status: 200,
    response: guideVersionContentSchema,
  },
  restoreVersion: {
    method: 'post',
    path: '/guides/:guideId/versions/:versionId/restore',
    summary:
      'Bring a version back as a new change everyone sees live (a version of the guide as it was is taken first).',
    access: 'signedIn',
    status: 200,
    response: restoreResultSchema,
  },
} as const satisfies Record<string, ApiRoute>;
