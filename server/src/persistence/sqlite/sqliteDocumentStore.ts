import type { AppendEntry, DocumentStore, StoredDocument } from '../documentStore.ts';
import type { SqliteDatabase } from './database.ts';

export function createSqliteDocumentStore(db: SqliteDatabase): DocumentStore {
  const selectState = db.prepare<[string], { state: Buffer }>(
    'SELECT state FROM document_states WHERE document_id = ?',
  );
  const selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM document_updates WHERE document_id = ? ORDER BY seq',
  );
  const insertUpdate = db.prepare<[string, Uint8Array]>(
    'INSERT INTO document_updates (document_id, data) VALUES (?, ?)',
  );
  const upsertState = db.prepare<[string, Uint8Array, number, string]>(
    `INSERT INTO document_states (document_id, state, compacted_seq, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET
       state = excluded.state, compacted_seq = excluded.compacted_seq, updated_at = excluded.updated_at`,
  );
  const deleteUpdatesThrough = db.prepare<[string, number]>(
    'DELETE FROM document_updates WHERE document_id = ? AND seq <= ?',
  );
  const selectStoredBytes = db.prepare<[string, string], { bytes: number }>(
    `SELECT COALESCE((SELECT length(state) FROM document_states WHERE document_id = ?), 0)
          + COALESCE((SELECT sum(length(data)) FROM document_updates WHERE document_id = ?), 0) AS bytes`,
  );

  const appendAll = db.transaction((entries: readonly AppendEntry[]) =>
    entries.map((entry) =>
      Number(insertUpdate.run(entry.documentId, entry.update).lastInsertRowid),
    ),
  );
  const compactInOneTransaction = db.transaction(
    (documentId: string, state: Uint8Array, throughSeq: number) => {
      upsertState.run(documentId, state, throughSeq, new Date().toISOString());
      deleteUpdatesThrough.run(documentId, throughSeq);
    },
  );

  return {
    async load(documentId): Promise<StoredDocument> {
      // Read state and updates in one read transaction so a concurrent compaction can't split them.
      return db.transaction(() => ({
        state: selectState.get(documentId)?.state ?? null,
        updates: selectUpdates.all(documentId),
      }))();
    },
    async appendBatch(entries) {
      return appendAll(entries);
    },
    async compact(documentId, state, throughSeq) {
      compactInOneTransaction(documentId, state, throughSeq);
    },
    async storedBytes(documentId) {
      return selectStoredBytes.get(documentId, documentId)?.bytes ?? 0;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
