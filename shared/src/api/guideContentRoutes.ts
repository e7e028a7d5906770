import type { ApiRoute } from './routes.ts';
import { guideContentSchema } from './guideContent.ts';

/**
 * A guide's current content, read-only (spread into `apiRoutes`): whoever may read the guide,
 * the same rule as opening it (the policy's `canReadGuideContent`). Two calls make a comparison
 * of two guides; each is checked on its own.
 */
export const guideContentRoutes = {
  getGuideContent: {
    method: 'get',
    path: '/guides/:guideId/content',
    summary: 'A guide as it is now, as ProseMirror JSON (read-only; for comparing guides).',
    access: 'signedIn',
    status: 200,
    response: guideContentSchema,
  },
} as const satisfies Record<string, ApiRoute>;
