import type { CommentThread } from '@draftroom/shared';
import type { CommentThreadRecord, Repositories } from '../../persistence/index.ts';

/**
 * Threads as the API shows them: comments in order with their authors' and mentioned people's
 * names (null for someone since removed from the event), a deleted comment without its text.
 */
export async function presentThreads(
  repositories: Repositories,
  threads: readonly CommentThreadRecord[],
  isOrphan: (thread: CommentThreadRecord) => boolean,
): Promise<CommentThread[]> {
  const comments = await repositories.comments.commentsOf(threads.map((thread) => thread.id));
  const names = new Map<string, string | null>();
  const nameOf = async (personId: string) => {
    if (!names.has(personId)) {
      names.set(personId, (await repositories.people.get(personId))?.displayName ?? null);
    }
    return { personId, name: names.get(personId) ?? null };
  };
  const presented: CommentThread[] = [];
  for (const thread of threads) {
    const shown: CommentThread['comments'] = [];
    for (const comment of comments.get(thread.id) ?? []) {
      const mentions = [];
      for (const id of comment.mentions) mentions.push(await nameOf(id));
      shown.push({
        id: comment.id,
        author: await nameOf(comment.authorId),
        body: comment.deletedAt === null ? comment.body : '',
        mentions,
        createdAt: comment.createdAt,
        deleted: comment.deletedAt !== null,
      });
    }
    presented.push({
      id: thread.id,
      guideId: thread.guideId,
      anchor: { start: thread.anchorStart, end: thread.anchorEnd },
      quote: thread.quote,
      orphan: isOrphan(thread),
      createdAt: thread.createdAt,
      resolved:
        thread.resolvedBy !== null && thread.resolvedAt !== null
          ? { by: await nameOf(thread.resolvedBy), at: thread.resolvedAt }
          : null,
      comments: shown,
    });
  }
  return presented;
}
