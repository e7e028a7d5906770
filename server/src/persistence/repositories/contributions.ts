import type { Db } from './database.ts';

/** One author's writing in a guide, summed over the minutes asked for. */
export interface ContributionRecord {
  /** A person's id, or `:server` (serverAuthorId) for the server's own changes. */
  authorId: string;
  updates: number;
  bytes: number;
  firstAt: string;
  lastAt: string;
}

/** Reads the attribution the document store records with every update (migration 0006). */
export function contributionsRepository(db: Db) {
  return {
    /**
     * Everyone who wrote in the guide, most updates first; with `since` (an ISO time), only
     * those who wrote after it (minutes whose last update is later).
     */
    async forGuide(guideId: string, since?: string): Promise<ContributionRecord[]> {
      let query = db
        .selectFrom('document_contributions')
        .select(({ fn }) => [
          'author_id',
          fn.sum<number>('updates').as('updates'),
          fn.sum<number>('bytes').as('bytes'),
          fn.min<string>('first_at').as('first_at'),
          fn.max<string>('last_at').as('last_at'),
        ])
        .where('document_id', '=', guideId);
      if (since !== undefined) query = query.where('last_at', '>', since);
      const rows = await query.groupBy('author_id').execute();
      return rows
        .map((row) => ({
          authorId: row.author_id,
          // SQLite gives numbers, PostgreSQL gives sum() as a string: one type either way.
          updates: Number(row.updates),
          bytes: Number(row.bytes),
          firstAt: row.first_at,
          lastAt: row.last_at,
        }))
        .sort((a, b) => b.updates - a.updates || a.firstAt.localeCompare(b.firstAt));
    },
    /** Every minute anyone wrote in the guide: author, first and last update's time. */
    async minutes(
      guideId: string,
    ): Promise<Array<{ authorId: string; firstAt: string; lastAt: string }>> {
      const rows = await db
        .selectFrom('document_contributions')
        .select(['author_id', 'first_at', 'last_at'])
        .where('document_id', '=', guideId)
        .execute();
      return rows.map((row) => ({
        authorId: row.author_id,
        firstAt: row.first_at,
        lastAt: row.last_at,
      }));
    },
    /**
     * For the dashboard: each author of each of these guides with their last update, so one
     * query gives contributors and the last edit of a whole event.
     */
    async authorsOf(
      guideIds: readonly string[],
    ): Promise<Array<{ guideId: string; authorId: string; lastAt: string }>> {
      if (guideIds.length === 0) return [];
      const rows = await db
        .selectFrom('document_contributions')
        .select(({ fn }) => ['document_id', 'author_id', fn.max<string>('last_at').as('last_at')])
        .where('document_id', 'in', guideIds)
        .groupBy(['document_id', 'author_id'])
        .execute();
      return rows.map((row) => ({
        guideId: row.document_id,
        authorId: row.author_id,
        lastAt: row.last_at,
      }));
    },
    /** Updates and authors per minute in these guides from `sinceMinute` (`YYYY-MM-DDTHH:MM`). */
    async perMinute(
      guideIds: readonly string[],
      sinceMinute: string,
      excludeAuthor: string,
    ): Promise<Array<{ minute: string; authorId: string; updates: number }>> {
      if (guideIds.length === 0) return [];
      const rows = await db
        .selectFrom('document_contributions')
        .select(['minute', 'author_id', 'updates'])
        .where('document_id', 'in', guideIds)
        .where('minute', '>=', sinceMinute)
        .where('author_id', '!=', excludeAuthor)
        .execute();
      return rows.map((row) => ({
        minute: row.minute,
        authorId: row.author_id,
        updates: Number(row.updates),
      }));
    },
    /** The author of each Yjs client id seen in the guide. */
    async clientAuthors(guideId: string): Promise<Map<number, string>> {
      const rows = await db
        .selectFrom('document_contributor_clients')
        .select(['client_id', 'author_id'])
        .where('document_id', '=', guideId)
        .execute();
      return new Map(rows.map((row) => [Number(row.client_id), row.author_id]));
    },
  };
}
