import { sql, type Generated, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';
import type { Db } from './database.ts';
import { searchIndexRepository, type SearchMatchRow } from './searchIndex.ts';

/** One text block as the PostgreSQL index stores it. */
export interface PostgresSearchBlockRow {
  block: number;
  dir: 'ltr' | 'rtl' | null;
  /** The text as written (snippets are cut from it). */
  text: string;
  /** Its folded words as a tsvector literal (`services/search/tsearch.ts`), cast on insert. */
  terms: string;
}

/** `search_blocks` as migration 0014 leaves it on PostgreSQL (SQLite has neither change). */
type PostgresSearchSchema = Omit<DatabaseSchema, 'search_blocks'> & {
  search_blocks: {
    id: Generated<string>;
    guide_id: string;
    block: number;
    dir: string | null;
    text: string;
    terms: string;
  };
};

// Rows per INSERT: 5 parameters each, far under PostgreSQL's 65,535 whatever the block count.
const chunk = 400;

/**
 * The PostgreSQL search index (migrations 0011 and 0014): `search_blocks` holds each block's
 * text, place and folded words (`terms`, a tsvector under a GIN index). A guide's rows are
 * always replaced together; run `replaceGuide` in a transaction. Works only on PostgreSQL.
 */
export function postgresSearchIndexRepository(db: Db) {
  const pg = db as unknown as Kysely<PostgresSearchSchema>;
  const shared = searchIndexRepository(db);
  return {
    /** `seen`: as on SQLite, a stale mark raised since it was read is kept. */
    async replaceGuide(
      guideId: string,
      blocks: readonly PostgresSearchBlockRow[],
      at: string,
      seen?: number,
    ) {
      // First, not last as on SQLite: the upsert holds the guide's row lock until commit, so two
      // instances re-indexing one guide take turns. Interleaved, both would delete the old rows
      // before either inserted, and the guide would be indexed twice. The mark is compared in
      // the same statement, under that lock, so an edit's mark cannot land between read and write.
      const stale =
        seen === undefined
          ? sql<number>`0`
          : sql<number>`CASE WHEN search_guides.stale > ${seen} THEN search_guides.stale ELSE 0 END`;
      await pg
        .insertInto('search_guides')
        .values({ guide_id: guideId, indexed_at: at, stale: 0 })
        .onConflict((oc) => oc.column('guide_id').doUpdateSet({ indexed_at: at, stale }))
        .execute();
      await pg.deleteFrom('search_blocks').where('guide_id', '=', guideId).execute();
      for (let i = 0; i < blocks.length; i += chunk) {
        await pg
          .insertInto('search_blocks')
          .values(
            blocks.slice(i, i + chunk).map((row) => ({
              guide_id: guideId,
              block: row.block,
              dir: row.dir,
              // PostgreSQL text cannot hold U+0000; one unit for one keeps snippet offsets true.
              text: row.text.replaceAll('\u0000', '\uFFFD'),
              terms: sql<string>`${row.terms}::tsvector`,
            })),
          )
          .execute();
      }
    },

    /** Forgets a guide's blocks (and that it was indexed). */
    async removeGuide(guideId: string): Promise<void> {
      await pg.deleteFrom('search_blocks').where('guide_id', '=', guideId).execute();
      await pg.deleteFrom('search_guides').where('guide_id', '=', guideId).execute();
    },

    markStale: shared.markStale,
    staleMark: shared.staleMark,
    guidesToIndex: shared.guidesToIndex,

    /**
     * Blocks matching a tsquery literal (built by the caller from quoted words only, bound as a
     * parameter) among these guides, best first, at most `limit`. Cover density, normalised by
     * the block's length: more and closer matches first, a short block before a long one (what
     * SQLite's bm25 favours too, without its weighting of rare words).
     */
    async match(
      tsquery: string,
      guideIds: readonly string[],
      limit: number,
    ): Promise<SearchMatchRow[]> {
      if (guideIds.length === 0) return [];
      const { rows } = await sql<{
        guide_id: string;
        block: number;
        dir: string | null;
        text: string;
      }>`
        SELECT b.guide_id, b.block, b.dir, b.text
          FROM search_blocks b, CAST(${tsquery} AS tsquery) q
         WHERE b.terms @@ q AND b.guide_id = ANY(CAST(${[...guideIds]} AS text[]))
         ORDER BY ts_rank_cd(b.terms, q, 1) DESC, b.guide_id COLLATE "C", b.block
         LIMIT ${limit}`.execute(db);
      return rows.map((row) => ({
        guideId: row.guide_id,
        block: row.block,
        dir: row.dir === 'ltr' || row.dir === 'rtl' ? row.dir : null,
        text: row.text,
      }));
    },
  };
}
