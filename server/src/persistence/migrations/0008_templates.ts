import type { Kysely } from 'kysely';

/**
 * Guide templates (issue 11). Organisers' templates live in `templates`, one language each; the
 * built-in one is code, not a row. A session names the template its groups' guides start from
 * (`sessions.template_id`, null: a blank guide). A guide's `template_applied_at` is the claim
 * that settles the question once: the one server task that sets it (from null) applies the
 * template; everyone else sees it set and leaves the guide alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    // ProseMirror JSON, checked against the guide schema before it is stored.
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('templates_event_id').on('templates').column('event_id').execute();
  await db.schema.alterTable('sessions').addColumn('template_id', 'text').execute();
  await db.schema.alterTable('guides').addColumn('template_applied_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('guides').dropColumn('template_applied_at').execute();
  await db.schema.alterTable('sessions').dropColumn('template_id').execute();
  await db.schema.dropTable('templates').execute();
}
