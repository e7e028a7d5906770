import {
  commentReplyRequestSchema,
  commentResolutionRequestSchema,
  commentThreadSchema,
  createCommentThreadRequestSchema,
  guideCommentsSchema,
} from './comments.ts';
import type { ApiRoute } from './routes.ts';

/**
 * Comments on a guide (spread into `apiRoutes`): whoever may read the guide reads and writes
 * comments; authors resolve and delete their own, the group's facilitators and the organisers
 * anyone's (the policy says).
 */
export const commentRoutes = {
  guideComments: {
    method: 'get',
    path: '/guides/:guideId/comments',
    summary: "A guide's comment threads, oldest first, and what the caller may do with them.",
    access: 'signedIn',
    status: 200,
    response: guideCommentsSchema,
  },
  createCommentThread: {
    method: 'post',
    path: '/guides/:guideId/comments',
    summary:
      'Start a thread on a range of the guide, given as two encoded Yjs relative positions; the server derives the quote. Live to everyone on the guide.',
    access: 'signedIn',
    request: createCommentThreadRequestSchema,
    status: 201,
    response: commentThreadSchema,
  },
  replyToCommentThread: {
    method: 'post',
    path: '/guides/:guideId/comments/:threadId/replies',
    summary: 'Reply at the end of a thread.',
    access: 'signedIn',
    request: commentReplyRequestSchema,
    status: 201,
    response: commentThreadSchema,
  },
  resolveCommentThread: {
    method: 'put',
    path: '/guides/:guideId/comments/:threadId/resolution',
    summary:
      'Resolve (`resolved: true`) or reopen a thread: its starter, facilitators, organisers.',
    access: 'signedIn',
    request: commentResolutionRequestSchema,
    status: 200,
    response: commentThreadSchema,
  },
  deleteComment: {
    method: 'delete',
    path: '/guides/:guideId/comments/:threadId/:commentId',
    summary:
      'Delete a comment (its place stays, without text, so the replies still follow): its author, facilitators, organisers.',
    access: 'signedIn',
    status: 200,
    response: commentThreadSchema,
  },
} as const satisfies Record<string, ApiRoute>;
