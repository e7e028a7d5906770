import type Database from 'better-sqlite3';
import type { AppendEntry, DocumentStore, StoredDocument } from '../documentStore.ts';
import type { SqliteDatabase } from './database.ts';
import { createContributionWriter } from './contributionWriter.ts';

export function createSqliteDocumentStore(db: SqliteDatabase): DocumentStore {
  const selectState = db.prepare<[string], { state: Buffer }>(
    'SELECT state FROM document_states WHERE document_id = ?',
  );
  const selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM document_updates WHERE document_id = ? ORDER BY seq',
  );
  // Multi-row INSERTs cost about half as much per row as one statement per row; statements are
  // prepared once per row count (up to rowsPerInsert) and reused.
  const rowsPerInsert = 64;
  const insertStatements = new Map<number, Database.Statement<(string | Uint8Array)[]>>();
  const insertRows = (rows: number) => {
    let statement = insertStatements.get(rows);
    if (!statement) {
      const placeholders = Array<string>(rows).fill('(?, ?)').join(', ');
      statement = db.prepare<(string | Uint8Array)[]>(
        `INSERT INTO document_updates (document_id, data) VALUES ${placeholders}`,
      );
      insertStatements.set(rows, statement);
    }
    return statement;
  };
  const upsertState = db.prepare<[string, Uint8Array, number, string]>(
    `INSERT INTO document_states (document_id, state, compacted_seq, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET
       state = excluded.state, compacted_seq = excluded.compacted_seq, updated_at = excluded.updated_at`,
  );
  const copyToQuarantine = db.prepare<[string, string, string, number]>(
    `INSERT INTO document_quarantine (seq, document_id, data, reason, quarantined_at)
     SELECT seq, document_id, data, ?, ? FROM document_updates WHERE document_id = ? AND seq = ?`,
  );
  const deleteUpdate = db.prepare<[string, number]>(
    'DELETE FROM document_updates WHERE document_id = ? AND seq = ?',
  );
  const selectStoredBytes = db.prepare<[string, string], { bytes: number }>(
    `SELECT COALESCE((SELECT length(state) FROM document_states WHERE document_id = ?), 0)
          + COALESCE((SELECT sum(length(data)) FROM document_updates WHERE document_id = ?), 0) AS bytes`,
  );

  const contributions = createContributionWriter(db);

  const appendAll = db.transaction((entries: readonly AppendEntry[]) => {
    const seqs: number[] = [];
    for (let start = 0; start < entries.length; start += rowsPerInsert) {
      const chunk = entries.slice(start, start + rowsPerInsert);
      const values = chunk.flatMap((entry) => [entry.documentId, entry.update]);
      const last = Number(insertRows(chunk.length).run(...values).lastInsertRowid);
      // One statement inserts its rows with consecutive AUTOINCREMENT ids, in order.
      for (let offset = chunk.length - 1; offset >= 0; offset--) seqs.push(last - offset);
    }
    // In the same transaction: an update is never stored without who wrote it.
    const newClients = contributions.write(entries, seqs);
    return { seqs, newClients };
  });
  const compactInOneTransaction = db.transaction(
    (documentId: string, state: Uint8Array, seqs: readonly number[]) => {
      // compacted_seq is informative (the newest row merged); what is deleted is exactly `seqs`.
      const newest = seqs.reduce((max, seq) => Math.max(max, seq), 0);
      upsertState.run(documentId, state, newest, new Date().toISOString());
      for (const seq of seqs) deleteUpdate.run(documentId, seq);
    },
  );

  const quarantineInOneTransaction = db.transaction(
    (documentId: string, seqs: readonly number[], reason: string) => {
      const at = new Date().toISOString();
      for (const seq of seqs) {
        copyToQuarantine.run(reason, at, documentId, seq);
        deleteUpdate.run(documentId, seq);
      }
    },
  );

  /**
   * Kysely shares this connection. Its transactions finish within one event-loop turn today (no
   * awaits on real I/O), but should one ever span turns, a group commit started meanwhile would
   * become a savepoint inside it, and its rollback would undo edits peers had already seen. So
   * document writes wait for any open transaction to end.
   */
  async function outsideOtherTransactions(): Promise<void> {
    while (db.inTransaction) await new Promise((resolve) => setImmediate(resolve));
  }

  return {
    async load(documentId): Promise<StoredDocument> {
      // Read state and updates in one read transaction so a concurrent compaction can't split them.
      return db.transaction(() => ({
        state: selectState.get(documentId)?.state ?? null,
        updates: selectUpdates.all(documentId),
      }))();
    },
    async appendBatch(entries) {
      // Checked first so the usual case (no transaction open) costs no extra await.
      if (db.inTransaction) await outsideOtherTransactions();
      const { seqs, newClients } = appendAll(entries);
      contributions.remember(newClients);
      return seqs;
    },
    async compact(documentId, state, seqs) {
      if (db.inTransaction) await outsideOtherTransactions();
      compactInOneTransaction(documentId, state, seqs);
    },
    async quarantine(documentId, seqs, reason) {
      if (db.inTransaction) await outsideOtherTransactions();
      quarantineInOneTransaction(documentId, seqs, reason);
    },
    async storedBytes(documentId) {
      return selectStoredBytes.get(documentId, documentId)?.bytes ?? 0;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
