import type { Kysely } from 'kysely';
import { bigIntegerType, bytesType } from '../dialect.ts';

/**
 * Stored updates that could not be applied when their guide loaded: kept aside (never deleted)
 * with the reason, so the rest of the guide loads and an operator can inspect them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_quarantine')
    .addColumn('seq', bigIntegerType(db), (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('data', bytesType(db), (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('quarantined_at', 'text', (c) => c.notNull())
    .execute();
}
