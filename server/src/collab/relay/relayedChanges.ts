import * as Y from 'yjs';
import type { Logger } from '../../lib/logger.ts';
import type { Metrics } from '../../observability/metrics.ts';
import type { DocumentStore } from '../../persistence/index.ts';
import { loadDocument, type LoadedDocument } from '../documentLoader.ts';
import type { RoomPresence } from '../presence.ts';
import type { RelayedUpdate } from './documentRelay.ts';
import type { RelayTarget } from './roomRelay.ts';

/** The parts of a room that what other instances relay touches (`Room`). */
export interface RelayedRoom {
  readonly isReady: boolean;
  readonly doc: Y.Doc;
  readonly presence: RoomPresence;
  /** Rows now in the live guide, or the store's whole history after a resync: accounted. */
  tookRelayed(took: { rows: readonly RelayedUpdate[] } | { reloaded: LoadedDocument }): void;
  compactionIdle(): Promise<void>;
}

/** Origin of what another instance stored, or what a resync merged in: it goes to everyone. */
const fromOtherInstances = Symbol('other instances');

/**
 * Applies to a room what the other instances stored. Their updates are not stored again (they
 * are), not checked again (the instance that stored them did, against the same schema), and
 * raise no `persisted` hooks here: automatic versions, search and the dashboard's edit counts
 * follow the instance that stored them, so each happens once.
 */
export class RelayedChanges implements RelayTarget {
  private resyncing: Promise<void> | null = null;
  private resyncAgain = false;

  constructor(
    private readonly room: RelayedRoom,
    private readonly documentId: string,
    private readonly options: { store: DocumentStore; metrics: Metrics },
    private readonly log: Logger,
  ) {}

  /**
   * Applied in one transaction (one frame to each socket here) and added to the room's accounts,
   * so its compaction deletes these rows too: they are in the state it writes.
   */
  applyRelayed(entries: readonly RelayedUpdate[]): void {
    if (!this.room.isReady) return;
    let failed = false;
    Y.transact(
      this.room.doc,
      () => {
        for (const { update } of entries) {
          try {
            Y.applyUpdate(this.room.doc, update, fromOtherInstances);
          } catch {
            failed = true;
          }
        }
      },
      fromOtherInstances,
    );
    this.options.metrics.relayedUpdates.inc(entries.length);
    if (failed) {
      // Checked where it was stored, so a bug or a stranger on the stream: the store decides.
      this.log.error({ category: 'relay' }, 'relayed update failed to apply; merging the store');
      this.resyncFromStore();
      return;
    }
    this.room.tookRelayed({ rows: entries });
  }

  applyRelayedPresence(awarenessUpdate: Uint8Array): void {
    if (this.room.isReady) this.room.presence.receiveRelayed(awarenessUpdate);
  }

  /**
   * The relay may have missed something: everything stored is read again and merged into the
   * live guide (Yjs applies only what is new), which sends it to everyone here. One at a time;
   * a request during one runs once more after it.
   */
  resyncFromStore(): void {
    if (this.resyncing) {
      this.resyncAgain = true;
      return;
    }
    this.resyncing = this.mergeStore().finally(() => {
      this.resyncing = null;
      if (this.resyncAgain) {
        this.resyncAgain = false;
        this.resyncFromStore();
      }
    });
  }

  /** Settles when no resync is running (tests, and the fault tests' convergence checks). */
  async settled(): Promise<void> {
    while (this.resyncing) await this.resyncing;
  }

  private async mergeStore(): Promise<void> {
    if (!this.room.isReady) return;
    this.options.metrics.relayResyncs.inc();
    // The accounts are replaced by the store's below: a compaction must not be writing them.
    await this.room.compactionIdle();
    try {
      const stored = await loadDocument(
        this.options.store,
        this.documentId,
        this.options.metrics,
        this.log,
      );
      try {
        if (!this.room.isReady) return;
        Y.applyUpdate(this.room.doc, Y.encodeStateAsUpdate(stored.doc), fromOtherInstances);
        this.room.tookRelayed({ reloaded: stored });
      } finally {
        stored.doc.destroy();
      }
    } catch (error) {
      this.log.error({ category: 'relay', err: error }, 'resync from the store failed');
    }
  }
}
