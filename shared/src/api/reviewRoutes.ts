import { guideReviewSchema, reviewMoveRequestSchema } from './review.ts';
import type { ApiRoute } from './routes.ts';

/**
 * The organisers' review of a guide (spread into `apiRoutes`): whoever may read the guide reads
 * its review; who may make which move is the policy's table.
 */
export const reviewRoutes = {
  guideReview: {
    method: 'get',
    path: '/guides/:guideId/review',
    summary:
      "A guide's review status, the moves the caller may make now, and every move so far (who, when, note, version), newest first.",
    access: 'signedIn',
    status: 200,
    response: guideReviewSchema,
  },
  moveReview: {
    method: 'post',
    path: '/guides/:guideId/review',
    summary:
      "Move a guide's review (drafting → ready → changes requested / approved → published; organisers reopen). `from` is the status the caller saw: a guide that has moved since answers 409 review_stale. Each move takes a named version; a published guide turns read-only for all but the organisers at once.",
    access: 'facilitator',
    request: reviewMoveRequestSchema,
    status: 200,
    response: guideReviewSchema,
  },
} as const satisfies Record<string, ApiRoute>;
