import { sql, type Kysely } from 'kysely';
import { bigIntegerType, bytesType, sequenceKey } from '../dialect.ts';

/**
 * The collaboration tables. `IF NOT EXISTS` because databases made before Kysely managed the
 * schema already have them (they were created by the first hand-written migration).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_updates')
    .ifNotExists()
    .addColumn('seq', bigIntegerType(db), sequenceKey(db))
    .addColumn('document_id', 'text', (column) => column.notNull())
    .addColumn('data', bytesType(db), (column) => column.notNull())
    .execute();
  await sql`CREATE INDEX IF NOT EXISTS document_updates_by_document ON document_updates (document_id, seq)`.execute(
    db,
  );
  await db.schema
    .createTable('document_states')
    .ifNotExists()
    .addColumn('document_id', 'text', (column) => column.primaryKey())
    .addColumn('state', bytesType(db), (column) => column.notNull())
    .addColumn('compacted_seq', bigIntegerType(db), (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('guides')
    .ifNotExists()
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
}
