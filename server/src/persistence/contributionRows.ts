import type { AppendEntry } from './documentStore.ts';

/**
 * Who wrote a batch of appended updates, as rows for `document_contributions` (one per guide,
 * author and minute) and `document_contributor_clients` (each Yjs client id not written before
 * for that guide and author). Both stores (SQLite, PostgreSQL) write these rows inside the
 * batch's own transaction; this is the part they share.
 */
export interface MinuteRow {
  documentId: string;
  authorId: string;
  updates: number;
  bytes: number;
  firstSeq: number;
  lastSeq: number;
}

export interface ClientRow {
  documentId: string;
  clientId: number;
  authorId: string;
  /** The key `ContributionMemory` remembers once the batch committed. */
  key: string;
}

export interface ContributionRows {
  /** UTC, to the minute: 2026-12-01T09:30 */
  minute: string;
  /** ISO time of the batch, for first_at / last_at. */
  at: string;
  minutes: MinuteRow[];
  clients: ClientRow[];
}

/** A client id is written once per guide and author; this many are remembered to skip repeats. */
const rememberedClients = 50_000;

/**
 * Every keystroke carries its client id: remember the ones written, so the usual batch writes
 * no client row at all. Forgetting (when full) only costs a no-op insert. Remembered only once
 * the transaction committed: a rolled-back row must be written again next time.
 */
export class ContributionMemory {
  private readonly written = new Set<string>();

  rows(entries: readonly AppendEntry[], seqs: readonly number[]): ContributionRows {
    const at = new Date().toISOString();
    const perAuthor = new Map<string, MinuteRow>();
    entries.forEach((entry, index) => {
      if (!entry.author) return;
      const seq = seqs[index] as number;
      const key = `${entry.documentId}\u0000${entry.author.authorId}`;
      const sum = perAuthor.get(key);
      if (sum) {
        sum.updates++;
        sum.bytes += entry.update.length;
        sum.lastSeq = seq;
      } else {
        perAuthor.set(key, {
          documentId: entry.documentId,
          authorId: entry.author.authorId,
          updates: 1,
          bytes: entry.update.length,
          firstSeq: seq,
          lastSeq: seq,
        });
      }
    });
    return {
      minute: minuteOf(at),
      at,
      minutes: [...perAuthor.values()],
      clients: this.newClients(entries),
    };
  }

  /** The batch's client ids not yet written for their guide and author (a row each). */
  newClients(entries: readonly AppendEntry[]): ClientRow[] {
    const clients = new Map<string, ClientRow>();
    for (const entry of entries) {
      if (!entry.author) continue;
      const key = `${entry.documentId}\u0000${entry.author.authorId}`;
      for (const clientId of entry.author.clientIds) {
        const clientKey = `${key}\u0000${clientId}`;
        if (this.written.has(clientKey) || clients.has(clientKey)) continue;
        clients.set(clientKey, {
          documentId: entry.documentId,
          clientId,
          authorId: entry.author.authorId,
          key: clientKey,
        });
      }
    }
    return [...clients.values()];
  }

  /** Called once the batch's transaction committed, with the client rows it wrote. */
  remember(clients: readonly ClientRow[]): void {
    if (this.written.size + clients.length > rememberedClients) this.written.clear();
    for (const client of clients) this.written.add(client.key);
  }
}

/** UTC, to the minute, of an ISO time: 2026-12-01T09:30 */
export function minuteOf(isoTime: string): string {
  return isoTime.slice(0, 16);
}
