/**
 * How a guide's stored edits and its presence reach the other server instances that have it
 * loaded. With one instance (no REDIS_URL) there is nobody to tell: `noRelay`. With Redis, an
 * implementation carries them on a stream per guide, with replay (see `scaleout/`).
 *
 * What travels is only what is already durable (updates after their batch committed, with the
 * sequence numbers the store gave them) and presence; never sync replies, so an out-of-date
 * instance can never be handed a state that deletes content (hocuspocus#1151).
 */
export interface RelayedUpdate {
  /** The store's sequence number (not commit order across instances: never compare them). */
  seq: number;
  update: Uint8Array;
}

export interface DocumentRelayListener {
  /** Updates another instance stored for this guide, in the order it stored them. */
  updates(entries: readonly RelayedUpdate[]): void;
  /**
   * Presence from another instance's connections: a y-protocols awareness update, already
   * checked and owned there (it names only its own connections' clients).
   */
  presence(awarenessUpdate: Uint8Array, fromInstance: string): void;
  /**
   * The relay may have missed entries (Redis lost for a while, the stream trimmed past what was
   * read): the listener reloads the guide from the store and lets Yjs merge it.
   */
  resync(): void;
}

export interface DocumentRelay {
  /**
   * Starts listening to a guide. Resolves once listening: every entry published by any
   * instance after that is delivered (or a resync is called). Resolves to an unsubscribe.
   */
  subscribe(documentId: string, listener: DocumentRelayListener): Promise<() => void>;
  /** Tells the other instances about updates this instance stored (never fails the caller). */
  publishUpdates(documentId: string, entries: readonly RelayedUpdate[]): void;
  /** Tells the other instances about presence changes of this instance's connections. */
  publishPresence(documentId: string, awarenessUpdate: Uint8Array): void;
  close(): Promise<void>;
}

/** One instance: nothing to relay. */
export const noRelay: DocumentRelay = {
  subscribe: async () => () => {},
  publishUpdates: () => {},
  publishPresence: () => {},
  close: async () => {},
};
