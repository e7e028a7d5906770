import type * as Y from 'yjs';
import type { DocumentStore } from '../persistence/index.ts';
import type { Logger } from '../lib/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { LoadedDocument } from './documentLoader.ts';
import { verifiedState } from './verifiedState.ts';

export interface StoredHistoryOptions {
  store: DocumentStore;
  metrics: Metrics;
  compactAfterUpdates: number;
  compactAfterBytes: number;
}

/**
 * What one guide has in storage, as its room knows it: the compacted state's size and the
 * appended rows whose updates are in the loaded document but not yet in that state. Compaction
 * writes the document as the new state and deletes exactly those rows; anything appended behind
 * the room's back (never applied here) is left for the next load.
 */
export class StoredHistory {
  /** Applied, not yet compacted rows, oldest first. */
  private seqs: number[] = [];
  /** The same rows, for the membership test of `applied`. */
  private counted = new Set<number>();
  private bytes = 0;
  private stateBytes = 0;
  private compacting: Promise<readonly number[] | null> | null = null;
  /**
   * This guide's threshold: the configured one ±25 %, so the guides of a conference, which start
   * together and fill at the same pace, do not all compact in the same moment.
   */
  private readonly compactAfterUpdates: number;

  constructor(
    private readonly documentId: string,
    private readonly options: StoredHistoryOptions,
    private readonly log: Logger,
  ) {
    this.compactAfterUpdates = Math.round(
      options.compactAfterUpdates * (0.75 + Math.random() * 0.5),
    );
  }

  /** Bytes in storage: the compacted state plus the updates appended since. */
  get storedBytes(): number {
    return this.stateBytes + this.bytes;
  }

  get pendingRows(): number {
    return this.seqs.length;
  }

  /** The accounts of a freshly loaded (or rebuilt) document. */
  loaded(loaded: LoadedDocument): void {
    this.stateBytes = loaded.stateBytes;
    this.seqs = loaded.seqs.slice();
    this.counted = new Set(this.seqs);
    this.bytes = loaded.updateBytes;
  }

  /** Rows now applied to the document (a row already counted is not counted twice). */
  applied(rows: ReadonlyArray<{ seq: number; update: Uint8Array }>): void {
    for (const { seq, update } of rows) {
      // A row already counted (after a rebuild, or relayed and then read back by a resync) is
      // skipped; the rows of several instances do not arrive in sequence order.
      if (this.counted.has(seq)) continue;
      this.counted.add(seq);
      this.seqs.push(seq);
      this.bytes += update.length;
    }
  }

  get overThreshold(): boolean {
    return (
      this.compactAfterUpdates <= this.seqs.length || this.options.compactAfterBytes <= this.bytes
    );
  }

  /**
   * Writes `doc` as the state and deletes the rows it contains; one at a time. The rows it
   * merged, or null when it wrote nothing (nothing to do, refused or failed).
   */
  compact(doc: Y.Doc): Promise<readonly number[] | null> {
    if (this.compacting) return this.compacting;
    if (this.seqs.length === 0) return Promise.resolve(null);
    this.compacting = this.compactNow(doc).finally(() => {
      this.compacting = null;
    });
    return this.compacting;
  }

  /** Settles when no compaction is running. */
  async idle(): Promise<void> {
    while (this.compacting) await this.compacting;
  }

  get isCompacting(): boolean {
    return this.compacting !== null;
  }

  private async compactNow(doc: Y.Doc): Promise<readonly number[] | null> {
    // Read in the same turn as the state is encoded: these rows are exactly what it contains.
    const seqs = this.seqs.slice();
    const bytes = this.bytes;
    const state = verifiedState(doc);
    if (!state.ok) {
      // Replacing the history with a state that does not load back would lose the guide.
      this.options.metrics.compactionsRefused.inc();
      this.log.error({ category: 'persistence', problem: state.problem }, 'compaction refused');
      return null;
    }
    try {
      await this.options.store.compact(this.documentId, state.state, seqs);
    } catch (error) {
      // The appended updates are still stored; the next applied update tries again, so a broken
      // disk cannot spin this in a loop.
      this.log.error({ category: 'persistence', err: error }, 'compaction failed');
      return null;
    }
    // Rows applied while the compaction was being written stay for the next one.
    this.seqs = this.seqs.slice(seqs.length);
    for (const seq of seqs) this.counted.delete(seq);
    this.bytes -= bytes;
    this.stateBytes = state.state.length;
    this.options.metrics.compactions.inc();
    this.log.debug(
      { category: 'persistence', updates: seqs.length, bytes: state.state.length },
      'compacted',
    );
    return seqs;
  }
}
