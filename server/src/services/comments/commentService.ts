import type {
  CommentReplyRequest,
  CommentResolutionRequest,
  CommentThread,
  CreateCommentThreadRequest,
  GuideComments,
  Permission,
} from '@draftroom/shared';
import {
  commentReplyRequestSchema,
  commentResolutionRequestSchema,
  createCommentThreadRequestSchema,
  maxCommentQuoteLength,
  maxCommentsPerGuide,
  maxCommentsPerThread,
  maxThreadsPerGuide,
} from '@draftroom/shared';
import { DomainError, conflict, forbidden, notFound } from '../../lib/domainError.ts';
import { randomId } from '../../lib/ids.ts';
import { perPersonLimit } from '../../lib/perPersonLimit.ts';
import { memoryLimiters, type Limiters } from '../../lib/rateLimits.ts';
import type { ConferenceStore, Repositories } from '../../persistence/index.ts';
import {
  canComment,
  canDeleteComment,
  canModerateComments,
  canReadComments,
  canResolveThread,
  guideRefusal,
  type GroupPlace,
  type Viewer,
} from '../access/policy.ts';
import { permissionOnGuide } from '../conference/guideService.ts';
import type { GuideDocuments } from '../documents/guideDocuments.ts';
import type { EventBus } from '../events/eventBus.ts';
import { decodeAnchorPosition, guideBody } from './commentAnchor.ts';
import { presentThreads } from './presentThreads.ts';

/** What a caller may do on one guide's comments, found once per request. */
interface CommentAccess {
  guideId: string;
  permission: Permission;
  place: GroupPlace | null;
  moderates: boolean;
}

/**
 * Comments on guides (issue 13): threads anchored by two Yjs relative positions, outside the
 * guide's body. The server never takes the client's word for what was commented: it resolves
 * the anchor against the guide as it is now (`readState`) and stores the quote it finds. Every
 * change is published on the event bus (`guideComments`), and the collaboration server sends the
 * thread to the guide's open sockets.
 */
export function createCommentService(
  persistence: ConferenceStore,
  documents: GuideDocuments,
  events: EventBus,
  /** Where its per-person limits count (Redis with several instances: they hold across them). */
  limiters: Limiters = memoryLimiters,
) {
  const { repositories } = persistence;
  // Every comment reaches everyone on the guide at once; a person typing real comments writes a
  // few a minute. Counted for comments that would be stored (refusals cost nothing).
  const commentLimit = perPersonLimit(
    30,
    'You wrote many comments in the last minute; wait a moment and try again.',
    { limiters, name: 'comments' },
  );
  // Every comment request reads the whole guide once (the quote, or whether threads are orphans),
  // loading it if nobody has it open, as reading it to compare does: the same bound. A page
  // loads the list once and then hears changes live.
  const readLimit = perPersonLimit(
    120,
    'You loaded comments many times in the last minute; wait a moment and try again.',
    { limiters, name: 'commentReads' },
  );
  // Strictly increasing times, so a thread's order is the order its comments were written.
  let lastTime = 0;
  const now = () => {
    lastTime = Math.max(Date.now(), lastTime + 1);
    return new Date(lastTime).toISOString();
  };

  async function access(viewer: Viewer, guideId: string): Promise<CommentAccess> {
    const found = await permissionOnGuide(repositories, viewer, guideId);
    if (!canReadComments(found.permission) || found.permission === null) {
      if (found.groupId !== null && guideRefusal(viewer, found) === 'forbidden') {
        throw forbidden('This guide belongs to another group.');
      }
      throw notFound('This guide');
    }
    await readLimit.take(viewer.person.id);
    const place =
      found.groupId !== null && found.sessionId !== null && found.eventId !== null
        ? { eventId: found.eventId, sessionId: found.sessionId, groupId: found.groupId }
        : null;
    return {
      guideId,
      permission: found.permission,
      place,
      moderates: canModerateComments(viewer, place, found.permission),
    };
  }

  /** The threads given, as the API shows them, with `orphan` read off the guide as it is now. */
  async function present(guideId: string, threadIds?: readonly string[]) {
    const all = await repositories.comments.threads(guideId);
    const threads = threadIds ? all.filter((thread) => threadIds.includes(thread.id)) : all;
    const body = guideBody(await documents.readState(guideId));
    try {
      return await presentThreads(repositories, threads, (thread) => {
        const start = decodeAnchorPosition(thread.anchorStart);
        const end = decodeAnchorPosition(thread.anchorEnd);
        return !start || !end || body.resolve(start, end).kind !== 'range';
      });
    } finally {
      body.destroy();
    }
  }

  async function presentOne(guideId: string, threadId: string): Promise<CommentThread> {
    const [thread] = await present(guideId, [threadId]);
    if (!thread) throw notFound('This comment thread');
    return thread;
  }

  /** Publishes the thread as it is now; the collaboration server sends it to the guide's sockets. */
  function announce(thread: CommentThread): CommentThread {
    events.publish('guideComments', { guideId: thread.guideId, thread });
    return thread;
  }

  /** Mentions name members of the guide's group (each once); anyone else is refused by name. */
  async function checkMentions(place: GroupPlace | null, mentions: string[]): Promise<string[]> {
    const unique = [...new Set(mentions)];
    if (unique.length === 0) return unique;
    const members = place ? await membersOf(repositories, place.groupId) : [];
    const ids = new Set(members.map((member) => member.personId));
    const stranger = unique.find((id) => !ids.has(id));
    if (stranger !== undefined) {
      throw new DomainError(
        'validation_failed',
        `A comment may mention only members of the guide’s group; ${stranger} is not one.`,
      );
    }
    return unique;
  }

  async function list(viewer: Viewer, guideId: string): Promise<GuideComments> {
    const found = await access(viewer, guideId);
    return {
      guideId,
      threads: (await present(guideId)).filter((thread) =>
        thread.comments.some((comment) => !comment.deleted),
      ),
      personId: viewer.person.id,
      mayComment: canComment(found.permission),
      mayModerate: found.moderates,
      members: found.place ? await membersOf(repositories, found.place.groupId) : [],
    };
  }

  async function createThread(
    viewer: Viewer,
    guideId: string,
    request: CreateCommentThreadRequest,
  ): Promise<CommentThread> {
    const { anchor, body, mentions } = createCommentThreadRequestSchema.parse(request);
    const found = await access(viewer, guideId);
    if (!canComment(found.permission)) throw forbidden('You may not comment on this guide.');
    const start = decodeAnchorPosition(anchor.start);
    const end = decodeAnchorPosition(anchor.end);
    if (!start || !end) {
      throw new DomainError(
        'validation_failed',
        'The comment’s anchor is not two encoded Yjs relative positions.',
      );
    }
    const guide = guideBody(await documents.readState(guideId));
    const resolved = guide.resolve(start, end);
    guide.destroy();
    if (resolved.kind !== 'range') {
      throw new DomainError('validation_failed', anchorRefusals[resolved.kind]);
    }
    if (resolved.end - resolved.start > maxCommentQuoteLength) {
      throw new DomainError(
        'validation_failed',
        `A comment may anchor at most ${maxCommentQuoteLength} characters of the guide; select less.`,
      );
    }
    if (resolved.quote.trim() === '') {
      throw new DomainError('validation_failed', 'Select some words of the guide to comment on.');
    }
    const mentioned = await checkMentions(found.place, mentions);
    if ((await repositories.comments.threadCount(guideId)) >= maxThreadsPerGuide) {
      throw tooManyThreads();
    }
    await commentLimit.take(viewer.person.id);
    const at = now();
    const threadId = randomId();
    await persistence.transaction(async (tx) => {
      // Again inside the transaction, so starts at the same moment cannot pass the limit together.
      if ((await tx.comments.threadCount(guideId)) >= maxThreadsPerGuide) throw tooManyThreads();
      await checkRoom(tx, guideId, null);
      await tx.comments.addThread({
        id: threadId,
        guideId,
        anchorStart: anchor.start,
        anchorEnd: anchor.end,
        quote: resolved.quote,
        createdBy: viewer.person.id,
        createdAt: at,
        resolvedBy: null,
        resolvedAt: null,
      });
      await tx.comments.addComment({
        id: randomId(),
        threadId,
        authorId: viewer.person.id,
        body,
        mentions: mentioned,
        createdAt: at,
        deletedAt: null,
      });
    });
    return announce(await presentOne(guideId, threadId));
  }

  async function threadOf(guideId: string, threadId: string) {
    const thread = await repositories.comments.thread(guideId, threadId);
    if (!thread) throw notFound('This comment thread');
    return thread;
  }

  async function reply(
    viewer: Viewer,
    guideId: string,
    threadId: string,
    request: CommentReplyRequest,
  ): Promise<CommentThread> {
    const { body, mentions } = commentReplyRequestSchema.parse(request);
    const found = await access(viewer, guideId);
    if (!canComment(found.permission)) throw forbidden('You may not comment on this guide.');
    await threadOf(guideId, threadId);
    const mentioned = await checkMentions(found.place, mentions);
    await commentLimit.take(viewer.person.id);
    await persistence.transaction(async (tx) => {
      // The thread may have gone meanwhile (its last comment deleted): checked with the insert.
      if (!(await tx.comments.thread(guideId, threadId))) throw notFound('This comment thread');
      await checkRoom(tx, guideId, threadId);
      await tx.comments.addComment({
        id: randomId(),
        threadId,
        authorId: viewer.person.id,
        body,
        mentions: mentioned,
        createdAt: now(),
        deletedAt: null,
      });
    });
    return announce(await presentOne(guideId, threadId));
  }

  async function resolve(
    viewer: Viewer,
    guideId: string,
    threadId: string,
    request: CommentResolutionRequest,
  ): Promise<CommentThread> {
    const { resolved } = commentResolutionRequestSchema.parse(request);
    const found = await access(viewer, guideId);
    const thread = await threadOf(guideId, threadId);
    if (!canResolveThread(viewer, thread.createdBy, found.moderates)) {
      throw forbidden(
        'Only whoever started this thread, the group’s facilitators and the organisers may resolve or reopen it.',
      );
    }
    // Resolving a resolved thread (or reopening an open one) changes nothing and tells nobody.
    if (resolved !== (thread.resolvedAt !== null)) {
      // Each change goes to every open socket of the guide: counted like a comment.
      await commentLimit.take(viewer.person.id);
      await repositories.comments.setResolution(
        threadId,
        resolved ? viewer.person.id : null,
        resolved ? now() : null,
      );
      return announce(await presentOne(guideId, threadId));
    }
    return presentOne(guideId, threadId);
  }

  async function remove(
    viewer: Viewer,
    guideId: string,
    threadId: string,
    commentId: string,
  ): Promise<CommentThread> {
    const found = await access(viewer, guideId);
    await threadOf(guideId, threadId);
    const comments = (await repositories.comments.commentsOf([threadId])).get(threadId) ?? [];
    const comment = comments.find((candidate) => candidate.id === commentId);
    if (!comment) throw notFound('This comment');
    if (!canDeleteComment(viewer, comment.authorId, found.moderates)) {
      throw forbidden(
        'Only its author, the group’s facilitators and the organisers may delete this comment.',
      );
    }
    if (comment.deletedAt === null) {
      await repositories.comments.deleteComment(commentId, now());
      const deleted = await presentOne(guideId, threadId);
      // Nothing left to read: the thread goes, so it no longer takes one of the guide's places
      // (500 deleted threads would otherwise close the guide to new ones for good). Pages drop
      // a thread whose every comment is deleted, which is what they are sent.
      // In a transaction: on PostgreSQL a reply being stored meanwhile then either makes this
      // see the thread not empty or is refused (404), never stored and cascaded away with it.
      const removed = await persistence.transaction((tx) =>
        tx.comments.removeThreadIfEmpty(threadId),
      );
      if (removed) return announce(deleted);
      return announce(await presentOne(guideId, threadId));
    }
    return presentOne(guideId, threadId);
  }

  return { list, createThread, reply, resolve, remove };
}

const anchorRefusals = {
  outside: 'The comment’s anchor does not point into this guide’s text (it may have been deleted).',
  collapsed: 'The comment’s anchor is empty: select some words of the guide to comment on.',
  reversed: 'The comment’s anchor ends before it starts.',
} as const;

/**
 * Refuses a comment the thread or the guide has no room for: every change sends the whole
 * thread to each open socket, and the list sends every comment, so neither grows without end.
 */
async function checkRoom(repositories: Repositories, guideId: string, threadId: string | null) {
  const counts = await repositories.comments.commentCounts(guideId, threadId ?? '');
  if (counts.guide >= maxCommentsPerGuide) {
    throw conflict(
      `This guide already has ${maxCommentsPerGuide} comments; its facilitators or the organisers may delete some that are done.`,
    );
  }
  if (threadId !== null && counts.thread >= maxCommentsPerThread) {
    throw conflict(
      `This thread already has ${maxCommentsPerThread} comments; start a new thread on the same words.`,
    );
  }
}

const tooManyThreads = () =>
  conflict(
    `This guide already has ${maxThreadsPerGuide} comment threads; delete some (a thread goes with its last comment), or reply to one.`,
  );

async function membersOf(repositories: Repositories, groupId: string) {
  const members = (await repositories.groups.membersOf([groupId])).get(groupId) ?? [];
  return members.map((member) => ({ personId: member.id, name: member.displayName }));
}

export type CommentService = ReturnType<typeof createCommentService>;
