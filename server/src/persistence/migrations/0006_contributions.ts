import type { Kysely } from 'kysely';
import { bigIntegerType } from '../dialect.ts';

/**
 * Who wrote what in each guide, recorded by the server from the signed-in person of the socket
 * an update came on (never from anything a client writes into the document), in the same
 * transaction as the updates themselves. Kept apart from `document_updates`, which compaction
 * deletes: these rows outlive it.
 *
 * - `document_contributions`: one row per guide, author and minute, counting that author's
 *   stored updates and their bytes in that minute (one upsert per author per group commit, so a
 *   busy guide adds rows per minute, not per keystroke). `author_id` is the person's id, or
 *   `:server` for the server's own changes (templates, restores).
 * - `document_contributor_clients`: the Yjs client ids each author's updates carried, so a piece
 *   of text (whose items name their client) can be traced to the person who typed it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_contributions')
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    // UTC, to the minute: 2026-12-01T09:30
    .addColumn('minute', 'text', (c) => c.notNull())
    .addColumn('updates', 'integer', (c) => c.notNull())
    .addColumn('bytes', bigIntegerType(db), (c) => c.notNull())
    .addColumn('first_seq', bigIntegerType(db), (c) => c.notNull())
    .addColumn('last_seq', bigIntegerType(db), (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_contributions_pk', ['document_id', 'author_id', 'minute'])
    .execute();
  await db.schema
    .createTable('document_contributor_clients')
    .addColumn('document_id', 'text', (c) => c.notNull())
    // Yjs client ids are unsigned 32-bit: past PostgreSQL's integer.
    .addColumn('client_id', bigIntegerType(db), (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_contributor_clients_pk', [
      'document_id',
      'client_id',
      'author_id',
    ])
    .execute();
}
