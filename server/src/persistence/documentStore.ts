/**
 * Where a document's history lives. A document is a compacted state (optional) plus the updates
 * appended since, in order. The interface is async so a networked store (PostgreSQL) can fill it;
 * the SQLite implementation answers synchronously underneath.
 */
export interface StoredUpdate {
  seq: number;
  data: Uint8Array;
}

export interface StoredDocument {
  /** The last compacted state, or null if the document was never compacted. */
  state: Uint8Array | null;
  /** Updates appended after `state`, oldest first. */
  updates: StoredUpdate[];
}

/** Who an update came from, as the server knows it (the socket's signed-in person). */
export interface UpdateAuthor {
  /** The person's id, or `serverAuthorId` for the server's own changes. */
  authorId: string;
  /** The Yjs client ids of the structs the update adds. */
  clientIds: readonly number[];
}

/** The author id of the server's own changes (not a person id: those never contain ':'). */
export const serverAuthorId = ':server';

export interface AppendEntry {
  documentId: string;
  update: Uint8Array;
  /** Recorded in the same transaction as the update (`document_contributions`). */
  author?: UpdateAuthor;
}

export interface DocumentStore {
  load(documentId: string): Promise<StoredDocument>;
  /**
   * Appends every entry in one transaction (group commit), with who wrote it where the entry
   * says; returns their sequence numbers.
   */
  appendBatch(entries: readonly AppendEntry[]): Promise<number[]>;
  /**
   * Replaces the stored state with `state` and deletes exactly the appended updates `seqs`, in
   * one transaction. `state` must contain all of them; rows appended by anyone else meanwhile
   * (another writer, a server-side change) are left alone, whatever their sequence number.
   */
  compact(documentId: string, state: Uint8Array, seqs: readonly number[]): Promise<void>;
  /**
   * Moves appended updates that cannot be applied out of the document's history into
   * `document_quarantine` (kept, with the reason), in one transaction.
   */
  quarantine(documentId: string, seqs: readonly number[], reason: string): Promise<void>;
  /** Stored bytes for a document (state + appended updates), for limits and benchmarks. */
  storedBytes(documentId: string): Promise<number>;
  close(): Promise<void>;
}
