import type { AppendEntry } from '../documentStore.ts';
import type { SqliteDatabase } from './database.ts';

/** A client id is written once per guide and author; this many are remembered to skip repeats. */
const rememberedClients = 50_000;

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
  // Every keystroke carries its client id: remember the ones written, so the usual batch writes
  // no client row at all. Forgetting (when full) only costs a no-op insert. Remembered only once
  // the transaction committed: a rolled-back row must be written again next time.
  const written = new Set<string>();

  /** Writes the batch's rows; returns the client keys to `remember` once it has committed. */
  function write(entries: readonly AppendEntry[], seqs: readonly number[]): string[] {
    const newClients: string[] = [];
    const now = new Date();
    const at = now.toISOString();
    const minute = at.slice(0, 16);
    const perAuthor = new Map<
      string,
      {
        documentId: string;
        authorId: string;
        updates: number;
        bytes: number;
        first: number;
        last: number;
      }
    >();
    entries.forEach((entry, index) => {
      if (!entry.author) return;
      const seq = seqs[index] as number;
      const key = `${entry.documentId}\u0000${entry.author.authorId}`;
      const sum = perAuthor.get(key);
      if (sum) {
        sum.updates++;
        sum.bytes += entry.update.length;
        sum.last = seq;
      } else {
        perAuthor.set(key, {
          documentId: entry.documentId,
          authorId: entry.author.authorId,
          updates: 1,
          bytes: entry.update.length,
          first: seq,
          last: seq,
        });
      }
      for (const clientId of entry.author.clientIds) {
        const clientKey = `${key}\u0000${clientId}`;
        if (written.has(clientKey)) continue;
        newClients.push(clientKey);
        insertClient.run(entry.documentId, clientId, entry.author.authorId, at);
      }
    });
    for (const sum of perAuthor.values()) {
      upsertMinute.run(
        sum.documentId,
        sum.authorId,
        minute,
        sum.updates,
        sum.bytes,
        sum.first,
        sum.last,
        at,
        at,
      );
    }
    return newClients;
  }

  function remember(clientKeys: readonly string[]): void {
    if (written.size + clientKeys.length > rememberedClients) written.clear();
    for (const key of clientKeys) written.add(key);
  }

  return { write, remember };
}
