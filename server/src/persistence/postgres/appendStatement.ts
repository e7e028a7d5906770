import type { AppendEntry } from '../documentStore.ts';
import { minuteOf, type ClientRow } from '../contributionRows.ts';

/**
 * A batch's append on PostgreSQL as one statement, so one round trip: the updates, who wrote
 * them per minute (`document_contributions`) and their new client ids
 * (`document_contributor_clients`), atomically, since a statement with data-modifying CTEs is
 * one transaction. It was five round trips (BEGIN, the updates, the client ids, the minutes,
 * COMMIT), each a wait for the backend and then for a core on a busy machine; the group commit
 * holds every edit of its batch until the append returns (docs/PERFORMANCE.md, scale-out).
 *
 * - The updates are inserted in entry order (`ORDER BY ord`), and the identity draws its values
 *   row by row as they are inserted, so the n-th smallest seq is the n-th entry's: that is how a
 *   minute row learns its first and last seq without another round trip. RETURNING's own order
 *   is not relied on.
 * - Minute rows and client rows are written in key order ("C" collation: code units, the same on
 *   every instance), so two instances' batches never wait on each other's rows in opposite
 *   orders and cannot deadlock; a minute keeps the lowest first and the highest last seq
 *   whichever instance commits last.
 * - The arrays go as parameters whatever the batch's size: no statement grows with it.
 */
export const appendStatement = `
WITH input AS (
  SELECT document_id, data, author_id, ord
    FROM unnest($1::text[], $2::bytea[], $3::text[]) WITH ORDINALITY
      AS entry (document_id, data, author_id, ord)
),
inserted AS (
  INSERT INTO document_updates (document_id, data)
  SELECT document_id, data FROM input ORDER BY ord
  RETURNING seq
),
numbered AS (
  SELECT seq, row_number() OVER (ORDER BY seq) AS ord FROM inserted
),
minutes AS (
  INSERT INTO document_contributions
    (document_id, author_id, minute, updates, bytes, first_seq, last_seq, first_at, last_at)
  SELECT input.document_id, input.author_id, $4, count(*), sum(octet_length(input.data)),
         min(numbered.seq), max(numbered.seq), $5, $5
    FROM input JOIN numbered ON numbered.ord = input.ord
   WHERE input.author_id IS NOT NULL
   GROUP BY input.document_id, input.author_id
   ORDER BY input.document_id COLLATE "C", input.author_id COLLATE "C"
  ON CONFLICT (document_id, author_id, minute) DO UPDATE SET
    updates = document_contributions.updates + excluded.updates,
    bytes = document_contributions.bytes + excluded.bytes,
    first_seq = LEAST(document_contributions.first_seq, excluded.first_seq),
    last_seq = GREATEST(document_contributions.last_seq, excluded.last_seq),
    last_at = GREATEST(document_contributions.last_at, excluded.last_at)
),
clients AS (
  INSERT INTO document_contributor_clients (document_id, client_id, author_id, first_at)
  SELECT document_id, client_id, author_id, $5
    FROM unnest($6::text[], $7::bigint[], $8::text[]) AS client (document_id, client_id, author_id)
   ORDER BY document_id COLLATE "C", author_id COLLATE "C", client_id
  ON CONFLICT DO NOTHING
)
SELECT seq FROM inserted`;

/** The statement's parameters: the entries as parallel arrays, the time, the new client rows. */
export function appendParameters(
  entries: readonly AppendEntry[],
  clients: readonly ClientRow[],
  at = new Date().toISOString(),
): unknown[] {
  return [
    entries.map((entry) => entry.documentId),
    entries.map((entry) => toBuffer(entry.update)),
    entries.map((entry) => entry.author?.authorId ?? null),
    minuteOf(at),
    at,
    clients.map((row) => row.documentId),
    clients.map((row) => row.clientId),
    clients.map((row) => row.authorId),
  ];
}

/** pg sends a Buffer as bytea; a Uint8Array is viewed as one without copying. */
export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}
