import { sql, type Kysely } from 'kysely';

/**
 * Whether a person's parliament and country were vouched for (migration 0018): 1 when the
 * organisers set them (import, the demo, confirming) or the person came through registration
 * (their parliament's focal point named them); 0 when the person typed them in joining or in their
 * profile. The good-practice library gives a parliament's rights (its practices in any status,
 * editing them) only to people whose parliament is confirmed: anyone can type any parliament.
 *
 * People who were approved delegates before this migration are confirmed; everyone else starts
 * unconfirmed until an organiser confirms them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('people')
    .addColumn('parliament_confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`UPDATE people SET parliament_confirmed = 1
    WHERE id IN (SELECT person_id FROM delegates WHERE person_id IS NOT NULL)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').dropColumn('parliament_confirmed').execute();
}
