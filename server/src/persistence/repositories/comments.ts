import type { Db } from './database.ts';

export interface CommentThreadRecord {
  id: string;
  guideId: string;
  anchorStart: string;
  anchorEnd: string;
  quote: string;
  createdBy: string;
  createdAt: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

export interface CommentRecord {
  id: string;
  threadId: string;
  authorId: string;
  body: string;
  mentions: string[];
  createdAt: string;
  deletedAt: string | null;
}

type ThreadRow = {
  id: string;
  guide_id: string;
  anchor_start: string;
  anchor_end: string;
  quote: string;
  created_by: string;
  created_at: string;
  resolved_by: string | null;
  resolved_at: string | null;
};

const toThread = (row: ThreadRow): CommentThreadRecord => ({
  id: row.id,
  guideId: row.guide_id,
  anchorStart: row.anchor_start,
  anchorEnd: row.anchor_end,
  quote: row.quote,
  createdBy: row.created_by,
  createdAt: row.created_at,
  resolvedBy: row.resolved_by,
  resolvedAt: row.resolved_at,
});

/** Mentions are stored as a JSON array of ids the service checked; anything else reads as none. */
function parseMentions(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** Comment threads and their comments (migration 0013). */
export function commentsRepository(db: Db) {
  return {
    async threadCount(guideId: string): Promise<number> {
      const row = await db
        .selectFrom('comment_threads')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('guide_id', '=', guideId)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },
    /**
     * Open threads per guide, for the organisers' dashboard: not resolved, and with at least one
     * comment not deleted (a thread whose every comment was deleted asks nothing any more).
     * Guides without one are absent from the map.
     */
    async openThreadCounts(guideIds: readonly string[]): Promise<Map<string, number>> {
      if (guideIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('comment_threads as t')
        .select(['t.guide_id', (eb) => eb.fn.countAll<number>().as('open')])
        .where('t.guide_id', 'in', guideIds)
        .where('t.resolved_at', 'is', null)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('comments as c')
              .select('c.id')
              .whereRef('c.thread_id', '=', 't.id')
              .where('c.deleted_at', 'is', null),
          ),
        )
        .groupBy('t.guide_id')
        .execute();
      return new Map(rows.map((row) => [row.guide_id, Number(row.open)]));
    },
    /** Comments in one thread (deleted ones too: each keeps its row), and not deleted on the guide. */
    async commentCounts(
      guideId: string,
      threadId: string,
    ): Promise<{ thread: number; guide: number }> {
      const row = await db
        .selectFrom('comments')
        .innerJoin('comment_threads', 'comment_threads.id', 'comments.thread_id')
        .select((eb) => [
          eb.fn
            .sum<number>(eb.case().when('comments.deleted_at', 'is', null).then(1).else(0).end())
            .as('guide'),
          eb.fn
            .sum<number>(eb.case().when('comments.thread_id', '=', threadId).then(1).else(0).end())
            .as('thread'),
        ])
        .where('comment_threads.guide_id', '=', guideId)
        .executeTakeFirst();
      return { thread: Number(row?.thread ?? 0), guide: Number(row?.guide ?? 0) };
    },
    /** A thread of this guide (undefined for another guide's: ids in paths are never trusted). */
    async thread(guideId: string, threadId: string): Promise<CommentThreadRecord | undefined> {
      const row = await db
        .selectFrom('comment_threads')
        .selectAll()
        .where('id', '=', threadId)
        .where('guide_id', '=', guideId)
        .executeTakeFirst();
      return row && toThread(row);
    },
    /** Every thread of the guide, oldest first. */
    async threads(guideId: string): Promise<CommentThreadRecord[]> {
      const rows = await db
        .selectFrom('comment_threads')
        .selectAll()
        .where('guide_id', '=', guideId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toThread);
    },
    /** The comments of these threads, each thread's in order. */
    async commentsOf(threadIds: readonly string[]): Promise<Map<string, CommentRecord[]>> {
      const byThread = new Map<string, CommentRecord[]>(threadIds.map((id) => [id, []]));
      if (threadIds.length === 0) return byThread;
      const rows = await db
        .selectFrom('comments')
        .selectAll()
        .where('thread_id', 'in', threadIds)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      for (const row of rows) {
        byThread.get(row.thread_id)?.push({
          id: row.id,
          threadId: row.thread_id,
          authorId: row.author_id,
          body: row.body,
          mentions: parseMentions(row.mentions),
          createdAt: row.created_at,
          deletedAt: row.deleted_at,
        });
      }
      return byThread;
    },
    async addThread(thread: CommentThreadRecord): Promise<void> {
      await db
        .insertInto('comment_threads')
        .values({
          id: thread.id,
          guide_id: thread.guideId,
          anchor_start: thread.anchorStart,
          anchor_end: thread.anchorEnd,
          quote: thread.quote,
          created_by: thread.createdBy,
          created_at: thread.createdAt,
          resolved_by: thread.resolvedBy,
          resolved_at: thread.resolvedAt,
        })
        .execute();
    },
    async addComment(comment: CommentRecord): Promise<void> {
      await db
        .insertInto('comments')
        .values({
          id: comment.id,
          thread_id: comment.threadId,
          author_id: comment.authorId,
          body: comment.body,
          mentions: JSON.stringify(comment.mentions),
          created_at: comment.createdAt,
          deleted_at: comment.deletedAt,
        })
        .execute();
    },
    /** Resolves (with who and when) or reopens (both null) a thread. */
    async setResolution(threadId: string, by: string | null, at: string | null): Promise<void> {
      await db
        .updateTable('comment_threads')
        .set({ resolved_by: by, resolved_at: at })
        .where('id', '=', threadId)
        .execute();
    },
    /**
     * Removes the thread if none of its comments is left to read (one statement, so a reply
     * stored meanwhile keeps it); true if it went. A thread nobody can read must not hold one of
     * the guide's places for good.
     */
    async removeThreadIfEmpty(threadId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('comment_threads')
        .where('id', '=', threadId)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('comments')
                .select('comments.id')
                .whereRef('comments.thread_id', '=', 'comment_threads.id')
                .where('comments.deleted_at', 'is', null),
            ),
          ),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    /** Soft delete: the row keeps its place in the thread; its text and mentions are gone. */
    async deleteComment(commentId: string, at: string): Promise<void> {
      await db
        .updateTable('comments')
        .set({ body: '', mentions: '[]', deleted_at: at })
        .where('id', '=', commentId)
        .execute();
    },
  };
}
