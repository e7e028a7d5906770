import type pg from 'pg';
import * as Y from 'yjs';
import type { DocumentStore, StoredDocument } from '../documentStore.ts';
import { ContributionMemory } from '../contributionRows.ts';
import { appendParameters, appendStatement, toBuffer } from './appendStatement.ts';

/**
 * The first key of the advisory lock a compaction holds on its guide (the second is the guide
 * id's hash), so these locks cannot collide with anyone else's advisory locks on the database.
 */
const compactionLockClass = 0x44520001;

/**
 * The document store on PostgreSQL, shared by every instance of the server. Unlike SQLite's
 * single writer, several instances append to and compact the same guide at once, so:
 * - a sequence number says nothing about commit order (a row numbered 10 may commit after 11):
 *   compaction deletes exactly the rows it was given, never "everything up to";
 * - two compactions of one guide are serialised by an advisory lock, and each merges the stored
 *   state into its own before writing, so an instance whose document lacks another instance's
 *   compacted edits never overwrites them.
 * The pool belongs to the persistence (Kysely uses it too), which ends it.
 */
export function createPostgresDocumentStore(pool: pg.Pool): DocumentStore {
  const contributions = new ContributionMemory();

  async function inTransaction<T>(
    begin: string,
    work: (client: pg.PoolClient) => Promise<T>,
  ): Promise<T> {
    const client = await pool.connect();
    let broken: unknown;
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection itself failed: do not hand it to the next caller.
        broken = rollbackError;
      }
      throw error;
    } finally {
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  return {
    async load(documentId): Promise<StoredDocument> {
      // One snapshot for both reads, so a compaction committing between them cannot make an
      // update vanish (deleted) without its state, or appear twice.
      return inTransaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (client) => {
        const state = await client.query<{ state: Buffer }>(
          'SELECT state FROM document_states WHERE document_id = $1',
          [documentId],
        );
        const updates = await client.query<{ seq: number; data: Buffer }>(
          'SELECT seq, data FROM document_updates WHERE document_id = $1 ORDER BY seq',
          [documentId],
        );
        return { state: state.rows[0]?.state ?? null, updates: updates.rows };
      });
    },

    async appendBatch(entries) {
      if (entries.length === 0) return [];
      // One statement, one transaction, one round trip (appendStatement.ts says how).
      const clients = contributions.newClients(entries);
      // Named: each connection parses and plans it once, not on every batch.
      const result = await pool.query<{ seq: number }>({
        name: 'draftroom_append_batch',
        text: appendStatement,
        values: appendParameters(entries, clients),
      });
      contributions.remember(clients);
      return result.rows.map((row) => row.seq).sort((a, b) => a - b);
    },

    async compact(documentId, state, seqs) {
      await inTransaction('BEGIN', async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
          compactionLockClass,
          documentId,
        ]);
        const stored = await client.query<{ state: Buffer }>(
          'SELECT state FROM document_states WHERE document_id = $1',
          [documentId],
        );
        const storedState = stored.rows[0]?.state;
        // Another instance may have compacted edits this one never saw: keep them.
        const merged = storedState ? Y.mergeUpdates([storedState, state]) : state;
        // compacted_seq is informative (the newest row merged); what is deleted is exactly `seqs`.
        const newest = seqs.reduce((max, seq) => Math.max(max, seq), 0);
        await client.query(
          `INSERT INTO document_states (document_id, state, compacted_seq, updated_at)
           VALUES ($1, $2, $3, $4)
           ON CONFLICT (document_id) DO UPDATE SET
             state = excluded.state,
             compacted_seq = GREATEST(document_states.compacted_seq, excluded.compacted_seq),
             updated_at = excluded.updated_at`,
          [documentId, toBuffer(merged), newest, new Date().toISOString()],
        );
        if (seqs.length > 0) {
          await client.query(
            'DELETE FROM document_updates WHERE document_id = $1 AND seq = ANY($2::bigint[])',
            [documentId, [...seqs]],
          );
        }
      });
    },

    async quarantine(documentId, seqs, reason) {
      if (seqs.length === 0) return;
      await inTransaction('BEGIN', async (client) => {
        await client.query(
          `INSERT INTO document_quarantine (seq, document_id, data, reason, quarantined_at)
           SELECT seq, document_id, data, $3, $4 FROM document_updates
            WHERE document_id = $1 AND seq = ANY($2::bigint[])`,
          [documentId, [...seqs], reason, new Date().toISOString()],
        );
        await client.query(
          'DELETE FROM document_updates WHERE document_id = $1 AND seq = ANY($2::bigint[])',
          [documentId, [...seqs]],
        );
      });
    },

    async storedBytes(documentId) {
      const result = await pool.query<{ bytes: number }>(
        `SELECT COALESCE((SELECT octet_length(state) FROM document_states WHERE document_id = $1), 0)
              + COALESCE((SELECT sum(octet_length(data)) FROM document_updates WHERE document_id = $1), 0)
                AS bytes`,
        [documentId],
      );
      return result.rows[0]?.bytes ?? 0;
    },

    async close() {
      // The pool is the persistence's: it ends it after Kysely is done with it.
    },
  };
}
