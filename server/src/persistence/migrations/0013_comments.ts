import type { Kysely } from 'kysely';

/**
 * Comments on guides (issue 13), outside the guide's body. `comment_threads` holds the anchor
 * (two encoded Yjs relative positions, base64 text of at most a few hundred bytes, checked by the
 * service), the quote the server derived when the thread started, and the resolution;
 * `comments` every comment of a thread in order. A deleted comment keeps its row (`deleted_at`
 * set, body emptied), so a reply chain is never broken. Plain text and ISO times: SQL that
 * SQLite and PostgreSQL both accept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('comment_threads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('guide_id', 'text', (c) => c.notNull().references('guides.id').onDelete('cascade'))
    .addColumn('anchor_start', 'text', (c) => c.notNull())
    .addColumn('anchor_end', 'text', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    // Person ids; no foreign key: a thread outlives its people's records (like review moves).
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema
    .createIndex('comment_threads_guide')
    .on('comment_threads')
    .columns(['guide_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('thread_id', 'text', (c) =>
      c.notNull().references('comment_threads.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // A JSON array of person ids (at most a few dozen); read back whole with its comment.
    .addColumn('mentions', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('comments_thread')
    .on('comments')
    .columns(['thread_id', 'created_at'])
    .execute();
}
