import { SqliteAdapter, sql, type Kysely } from 'kysely';
import { bigIntegerType } from '../dialect.ts';

/**
 * The search index (issue 13): one row per text block of each guide, and which guides are
 * indexed (and whether an edit since has not been indexed yet, so a crash between an edit and its
 * re-index is caught up at the next start).
 *
 * `search_blocks` and `search_guides` are plain tables. The full-text index itself,
 * `search_fts`, is an SQLite FTS5 virtual table and exists only on SQLite: PostgreSQL will get
 * its own index (a tsvector column over `search_blocks.terms` with a GIN index, unaccent and the
 * same Arabic folding) in its own step when the scale-out issue (14) brings PostgreSQL, behind the
 * same `SearchIndex` interface (`services/search/`). Nothing here pretends to do that yet.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('search_guides')
    .addColumn('guide_id', 'text', (c) => c.primaryKey())
    .addColumn('indexed_at', 'text', (c) => c.notNull())
    // 1 while the guide has stored edits the index has not taken in yet.
    .addColumn('stale', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('search_blocks')
    // The FTS row's rowid: an integer chosen by the index (guide's rows are replaced together).
    .addColumn('id', bigIntegerType(db), (c) => c.primaryKey())
    .addColumn('guide_id', 'text', (c) => c.notNull())
    // The text block's index in document order (what the editor counts to open the guide there).
    .addColumn('block', 'integer', (c) => c.notNull())
    // ltr | rtl | null (the block's own direction).
    .addColumn('dir', 'text')
    // The block's text as written, for snippets.
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('search_blocks_guide')
    .on('search_blocks')
    .columns(['guide_id', 'block'])
    .execute();
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  // Contentless (the text lives in search_blocks) with deletes allowed (SQLite 3.43+), so a
  // guide's rows can be replaced by rowid. `unicode61 remove_diacritics 2` folds case and Latin
  // diacritics (é/e, ñ/n, ç/c); Arabic letter forms and marks are folded before the text gets here.
  await sql`CREATE VIRTUAL TABLE search_fts USING fts5(
    terms,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
}
