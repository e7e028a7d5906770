import type { Kysely } from 'kysely';
import { bytesType } from '../dialect.ts';

/**
 * Saved versions of guides. Each row holds the guide's whole state at that moment (a Yjs update)
 * and its ProseMirror JSON, so history never depends on deleted content being kept in the live
 * document (Yjs garbage collection stays on) and reading a version needs no Yjs at all.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('guide_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('guide_id', 'text', (c) => c.notNull().references('guides.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    // manual | lock | freeze | auto
    .addColumn('kind', 'text', (c) => c.notNull())
    // Who took it; null when the server did (automatic versions). No foreign key: a version
    // outlives the person's record.
    .addColumn('taken_by', 'text')
    .addColumn('taken_at', 'text', (c) => c.notNull())
    // For the version taken just before a restore: the version that was restored (its id).
    .addColumn('before_restore_of', 'text')
    .addColumn('state', bytesType(db), (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('guide_versions_guide_taken')
    .on('guide_versions')
    .columns(['guide_id', 'taken_at'])
    .execute();
}
