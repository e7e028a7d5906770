import type { Kysely } from 'kysely';

/**
 * Links and codes that sign another device in as the person who asked for them. Only hashes of
 * the link's token and of the code are kept; each row works once and for minutes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('device_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    // The sign-in that asked: signing out or being revoked ends its pending links too.
    .addColumn('auth_session_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('device_links_code_hash')
    .on('device_links')
    .column('code_hash')
    .execute();
}
