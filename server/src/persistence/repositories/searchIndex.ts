import { sql } from 'kysely';
import type { Db } from './database.ts';

/** One text block as the search index stores it. */
export interface SearchBlockRow {
  block: number;
  dir: 'ltr' | 'rtl' | null;
  /** The text as written (snippets are cut from it). */
  text: string;
  /** The text folded for matching (what the full-text index holds). */
  terms: string;
}

export interface SearchMatchRow {
  guideId: string;
  block: number;
  dir: 'ltr' | 'rtl' | null;
  text: string;
}

// Rows per INSERT: well under SQLite's bound-parameter limit whatever the block count.
const chunk = 400;
function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += chunk) yield items.slice(i, i + chunk);
}

/**
 * The SQLite search index (migration 0011): `search_blocks` holds each block's text and place,
 * `search_fts` (FTS5, contentless) the folded words under the same rowid. A guide's rows are
 * always replaced together; run `replaceGuide` in a transaction.
 */
export function searchIndexRepository(db: Db) {
  return {
    /**
     * `seen`: the guide's stale mark read before its text was; a mark raised since (an edit
     * stored meanwhile) is kept. Read and written in the caller's transaction, which on SQLite
     * holds the only write lock, so no mark can slip in between.
     */
    async replaceGuide(
      guideId: string,
      blocks: readonly SearchBlockRow[],
      at: string,
      seen?: number,
    ) {
      const mark = await this.staleMark(guideId);
      const stale = seen !== undefined && mark > seen ? mark : 0;
      await this.removeGuide(guideId);
      if (blocks.length > 0) {
        const top = await db
          .selectFrom('search_blocks')
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirst();
        let next = Number(top?.id ?? 0) + 1;
        const rows = blocks.map((block) => ({ id: next++, ...block }));
        for (const part of chunks(rows)) {
          await db
            .insertInto('search_blocks')
            .values(
              part.map((row) => ({
                id: row.id,
                guide_id: guideId,
                block: row.block,
                dir: row.dir,
                text: row.text,
              })),
            )
            .execute();
          await db
            .insertInto('search_fts')
            .values(part.map((row) => ({ rowid: row.id, terms: row.terms })))
            .execute();
        }
      }
      await db
        .insertInto('search_guides')
        .values({ guide_id: guideId, indexed_at: at, stale })
        .onConflict((oc) => oc.column('guide_id').doUpdateSet({ indexed_at: at, stale }))
        .execute();
    },

    /** Forgets a guide's blocks (and that it was indexed). */
    async removeGuide(guideId: string): Promise<void> {
      const ids = await db
        .selectFrom('search_blocks')
        .select('id')
        .where('guide_id', '=', guideId)
        .execute();
      for (const part of chunks(ids.map((row) => row.id))) {
        await db.deleteFrom('search_fts').where('rowid', 'in', part).execute();
      }
      await db.deleteFrom('search_blocks').where('guide_id', '=', guideId).execute();
      await db.deleteFrom('search_guides').where('guide_id', '=', guideId).execute();
    },

    /** The guide has edits the index has not taken in (caught up at the next start if lost). */
    async markStale(guideId: string): Promise<void> {
      // A count, not a flag: a re-index clears it only if nothing raised it while the guide was
      // read (`replaceGuide`'s `seen`). A guide not indexed yet gets its row here (indexed_at
      // empty: never), so an edit stored during its first re-index is not lost either.
      await db
        .insertInto('search_guides')
        .values({ guide_id: guideId, indexed_at: '', stale: 1 })
        .onConflict((oc) =>
          oc.column('guide_id').doUpdateSet((eb) => ({ stale: eb('search_guides.stale', '+', 1) })),
        )
        .execute();
    },

    /** How many marks since the guide was last indexed (0 when current or never indexed). */
    async staleMark(guideId: string): Promise<number> {
      const row = await db
        .selectFrom('search_guides')
        .select('stale')
        .where('guide_id', '=', guideId)
        .executeTakeFirst();
      return Number(row?.stale ?? 0);
    },

    /** Guides never indexed, or with edits not indexed yet. */
    async guidesToIndex(): Promise<string[]> {
      const rows = await db
        .selectFrom('guides')
        .leftJoin('search_guides', 'search_guides.guide_id', 'guides.id')
        .select('guides.id')
        .where((eb) =>
          eb.or([eb('search_guides.guide_id', 'is', null), eb('search_guides.stale', '>', 0)]),
        )
        .orderBy('guides.created_at')
        .execute();
      return rows.map((row) => row.id);
    },

    /**
     * Blocks matching an FTS5 expression (built by the caller from quoted words only) among
     * these guides, best first (bm25), at most `limit`.
     */
    async match(
      expression: string,
      guideIds: readonly string[],
      limit: number,
    ): Promise<SearchMatchRow[]> {
      if (guideIds.length === 0) return [];
      const rows = await db
        .selectFrom('search_fts')
        .innerJoin('search_blocks', 'search_blocks.id', 'search_fts.rowid')
        .select(['search_blocks.guide_id', 'search_blocks.block', 'search_blocks.dir', 'text'])
        .where(sql<boolean>`search_fts MATCH ${expression}`)
        .where('search_blocks.guide_id', 'in', guideIds)
        .orderBy('search_fts.rank')
        .orderBy('search_blocks.guide_id')
        .orderBy('search_blocks.block')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        guideId: row.guide_id,
        block: row.block,
        dir: row.dir === 'ltr' || row.dir === 'rtl' ? row.dir : null,
        text: row.text,
      }));
    },
  };
}
