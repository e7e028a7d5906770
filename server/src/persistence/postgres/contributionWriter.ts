import type pg from 'pg';
import type { ContributionRows } from '../contributionRows.ts';

/**
 * Writes a batch's contribution rows (see contributionRows.ts) on the batch's own connection,
 * inside its transaction: one statement for the minutes, one for new client ids, whatever the
 * batch's size. The same semantics as the SQLite writer, made safe for several instances
 * writing at once: rows go in key order (two batches never wait on each other's rows in
 * opposite orders, so they cannot deadlock), and a minute keeps the lowest first and the highest
 * last seq whichever instance commits last.
 */
export async function writeContributions(
  client: pg.PoolClient,
  rows: ContributionRows,
): Promise<void> {
  const byKey = <T extends { documentId: string; authorId: string }>(a: T, b: T) =>
    a.documentId === b.documentId
      ? compare(a.authorId, b.authorId)
      : compare(a.documentId, b.documentId);
  const clients = [...rows.clients].sort((a, b) => byKey(a, b) || a.clientId - b.clientId);
  if (clients.length > 0) {
    await client.query(
      `INSERT INTO document_contributor_clients (document_id, client_id, author_id, first_at)
       SELECT document_id, client_id, author_id, $4
         FROM unnest($1::text[], $2::bigint[], $3::text[]) AS row (document_id, client_id, author_id)
       ON CONFLICT DO NOTHING`,
      [
        clients.map((row) => row.documentId),
        clients.map((row) => row.clientId),
        clients.map((row) => row.authorId),
        rows.at,
      ],
    );
  }
  const minutes = [...rows.minutes].sort(byKey);
  if (minutes.length === 0) return;
  await client.query(
    `INSERT INTO document_contributions
       (document_id, author_id, minute, updates, bytes, first_seq, last_seq, first_at, last_at)
     SELECT document_id, author_id, $1, updates, bytes, first_seq, last_seq, $2, $2
       FROM unnest($3::text[], $4::text[], $5::integer[], $6::bigint[], $7::bigint[], $8::bigint[])
         AS row (document_id, author_id, updates, bytes, first_seq, last_seq)
     ON CONFLICT (document_id, author_id, minute) DO UPDATE SET
       updates = document_contributions.updates + excluded.updates,
       bytes = document_contributions.bytes + excluded.bytes,
       first_seq = LEAST(document_contributions.first_seq, excluded.first_seq),
       last_seq = GREATEST(document_contributions.last_seq, excluded.last_seq),
       last_at = GREATEST(document_contributions.last_at, excluded.last_at)`,
    [
      rows.minute,
      rows.at,
      minutes.map((row) => row.documentId),
      minutes.map((row) => row.authorId),
      minutes.map((row) => row.updates),
      minutes.map((row) => row.bytes),
      minutes.map((row) => row.firstSeq),
      minutes.map((row) => row.lastSeq),
    ],
  );
}

/** Code-unit order, the same on every instance whatever its locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
