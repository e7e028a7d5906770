import type { Kysely } from 'kysely';

/**
 * An address people can write to when a link fails (error pages show it): nullable, since
 * events made before it, and events whose organisers set none, have no contact yet.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').addColumn('contact_email', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').dropColumn('contact_email').execute();
}
