import type { AppendEntry } from '../documentStore.ts';
import { ContributionMemory, type ClientRow } from '../contributionRows.ts';
import type { SqliteDatabase } from './database.ts';

/**
 * Writes who wrote a batch of appended updates, inside the batch's own transaction: one upsert
 * per guide, author and minute (not per update), plus any Yjs client id not seen before for that
 * guide and author. Called with the sequence numbers the updates just got.
 */
export function createContributionWriter(db: SqliteDatabase) {
  const upsertMinute = db.prepare<
    [string, string, string, number, number, number, number, string, string]
  >(
    `INSERT INTO document_contributions
       (document_id, author_id, minute, updates, bytes, first_seq, last_seq, first_at, last_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (document_id, author_id, minute) DO UPDATE SET
       updates = document_contributions.updates + excluded.updates,
       bytes = document_contributions.bytes + excluded.bytes,
       last_seq = excluded.last_seq,
       last_at = excluded.last_at`,
  );
  const insertClient = db.prepare<[string, number, string, string]>(
    `INSERT INTO document_contributor_clients (document_id, client_id, author_id, first_at)
     VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const memory = new ContributionMemory();

  /** Writes the batch's rows; returns the client rows to `remember` once it has committed. */
  function write(entries: readonly AppendEntry[], seqs: readonly number[]): ClientRow[] {
    const { minute, at, minutes, clients } = memory.rows(entries, seqs);
    for (const client of clients) {
      insertClient.run(client.documentId, client.clientId, client.authorId, at);
    }
    for (const sum of minutes) {
      upsertMinute.run(
        sum.documentId,
        sum.authorId,
        minute,
        sum.updates,
        sum.bytes,
        sum.firstSeq,
        sum.lastSeq,
        at,
        at,
      );
    }
    return clients;
  }

  return { write, remember: (clients: readonly ClientRow[]) => memory.remember(clients) };
}
