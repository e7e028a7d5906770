import type { Kysely } from 'kysely';

/**
 * The organisers' review of guides (issue 13). `guide_reviews` holds where each guide stands now
 * (no row: still drafting); `guide_review_moves` every move, never rewritten: who, when, from
 * and to, the note, and the named version taken with it. A move is a compare-and-set on
 * `guide_reviews.status`, so two people moving the same guide at once cannot both succeed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('guide_reviews')
    .addColumn('guide_id', 'text', (c) =>
      c.primaryKey().references('guides.id').onDelete('cascade'),
    )
    // drafting | ready | changes_requested | approved | published
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    // A person id; no foreign key: the review outlives the person's record.
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('guide_review_moves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('guide_id', 'text', (c) => c.notNull().references('guides.id').onDelete('cascade'))
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('moved_by', 'text', (c) => c.notNull())
    .addColumn('moved_at', 'text', (c) => c.notNull())
    // '' for no note.
    .addColumn('note', 'text', (c) => c.notNull())
    // The version taken with the move; null until taken (or if taking it failed).
    .addColumn('version_id', 'text')
    .execute();
  await db.schema
    .createIndex('guide_review_moves_guide_moved')
    .on('guide_review_moves')
    .columns(['guide_id', 'moved_at'])
    .execute();
}
