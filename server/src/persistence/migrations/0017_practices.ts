import type { Kysely } from 'kysely';

/**
 * The good-practice library (issue 17).
 *
 * - `practices`: one record per practice of an event, its current content and curation.
 *   `parliament_key` (country + folded name, `parliamentKey` in shared) is what "their
 *   parliament's practice" compares; the rich-text sections are ProseMirror JSON, checked with
 *   the guide's schema before they are stored; lists (audiences, topics, languages, links) are
 *   JSON arrays. `revision` is the compare-and-set every write checks.
 * - `practice_versions`: the whole content at every revision (submitted, updated, approved,
 *   changes requested, merged), so history never depends on the record.
 * - `library_settings`: whether the event's library is published on its public pages.
 * - `guide_citations`: which practices each guide cites, kept from the guide's text by a document
 *   hook (no foreign key on the practice: a guide may hold an id that names nothing).
 * - `session_practices`: a good-practice exchange's running order and presenters;
 *   `session_current_practice` the one being presented now.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('practices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    // submitted | changes-requested | approved | merged
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('parliament', 'text', (c) => c.notNull())
    .addColumn('parliament_key', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('audiences', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('links', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('what_was_done', 'text', (c) => c.notNull())
    .addColumn('results', 'text', (c) => c.notNull())
    .addColumn('lessons', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into', 'text')
    .addColumn('review_note', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('practices_by_event')
    .on('practices')
    .columns(['event_id', 'status'])
    .execute();
  await db.schema
    .createIndex('practices_by_parliament')
    .on('practices')
    .columns(['event_id', 'parliament_key'])
    .execute();

  await db.schema
    .createTable('practice_versions')
    .addColumn('practice_id', 'text', (c) =>
      c.notNull().references('practices.id').onDelete('cascade'),
    )
    .addColumn('revision', 'integer', (c) => c.notNull())
    // submitted | updated | approved | changes-requested | merged
    .addColumn('kind', 'text', (c) => c.notNull())
    // PracticeContent as JSON.
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('by_person', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('practice_versions_pk', ['practice_id', 'revision'])
    .execute();

  await db.schema
    .createTable('library_settings')
    .addColumn('event_id', 'text', (c) =>
      c.primaryKey().references('events.id').onDelete('cascade'),
    )
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('guide_citations')
    .addColumn('guide_id', 'text', (c) => c.notNull().references('guides.id').onDelete('cascade'))
    .addColumn('practice_id', 'text', (c) => c.notNull())
    // Order of first appearance in the guide.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('guide_citations_pk', ['guide_id', 'practice_id'])
    .execute();
  await db.schema
    .createIndex('guide_citations_by_practice')
    .on('guide_citations')
    .columns(['practice_id'])
    .execute();

  await db.schema
    .createTable('session_practices')
    .addColumn('session_id', 'text', (c) =>
      c.notNull().references('sessions.id').onDelete('cascade'),
    )
    .addColumn('practice_id', 'text', (c) =>
      c.notNull().references('practices.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('presenter', 'text')
    .addPrimaryKeyConstraint('session_practices_pk', ['session_id', 'practice_id'])
    .execute();
  await db.schema
    .createTable('session_current_practice')
    .addColumn('session_id', 'text', (c) =>
      c.primaryKey().references('sessions.id').onDelete('cascade'),
    )
    .addColumn('practice_id', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'session_current_practice',
    'session_practices',
    'guide_citations',
    'library_settings',
    'practice_versions',
    'practices',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
