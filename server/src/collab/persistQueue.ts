import type { AppendEntry, DocumentStore, UpdateAuthor } from '../persistence/index.ts';
import type { Metrics } from '../observability/metrics.ts';

/** An update that is stored, with the sequence number the store gave it. */
export interface PersistedUpdate<Sender> {
  update: Uint8Array;
  seq: number;
  sender: Sender;
}

/** Whoever enqueued updates (a Room) hears about them once per batch, in arrival order. */
export interface PersistListener<Sender> {
  onPersisted(updates: PersistedUpdate<Sender>[]): void;
  /** The batch's updates were not stored (`seq` is -1); nobody has seen them. */
  onPersistFailed(updates: PersistedUpdate<Sender>[], error: Error): void;
}

interface QueuedEntry extends AppendEntry {
  listener: PersistListener<unknown>;
  sender: unknown;
}

/**
 * Group commit. Every update that arrives during one event-loop turn is appended in a single
 * transaction at the end of that turn (setImmediate runs after the poll phase that delivered the
 * websocket frames). Only when the transaction has committed is each listener told, once, with
 * all of its updates of that batch in arrival order, so an update is durable before anyone can
 * see it. Batches never overlap, which keeps each document's updates in the order they arrived.
 */
export class PersistQueue {
  private queue: QueuedEntry[] = [];
  private scheduled = false;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly store: DocumentStore,
    private readonly metrics: Metrics,
  ) {}

  enqueue<Sender>(
    documentId: string,
    update: Uint8Array,
    sender: Sender,
    listener: PersistListener<Sender>,
    author?: UpdateAuthor,
  ): void {
    this.queue.push({
      documentId,
      update,
      sender,
      listener: listener as PersistListener<unknown>,
      ...(author ? { author } : {}),
    });
    this.schedule();
  }

  get size(): number {
    return this.queue.length;
  }

  /** Resolves once everything enqueued so far has been written (or has failed). */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.flushing) {
      if (this.flushing) await this.flushing;
      else await this.flush();
    }
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    const batch = this.queue;
    if (batch.length === 0) return Promise.resolve();
    this.queue = [];
    this.flushing = this.write(batch).finally(() => {
      this.flushing = null;
      if (this.queue.length > 0) this.schedule();
    });
    return this.flushing;
  }

  private async write(batch: QueuedEntry[]): Promise<void> {
    const stopTimer = this.metrics.persistDuration.startTimer();
    let seqs: number[];
    try {
      seqs = await this.store.appendBatch(batch);
    } catch (error) {
      for (const [listener, entries] of byListener(batch)) {
        listener.onPersistFailed(
          entries.map(({ entry }) => ({ update: entry.update, seq: -1, sender: entry.sender })),
          error as Error,
        );
      }
      return;
    }
    stopTimer();
    this.metrics.persistBatchSize.observe(batch.length);
    for (const [listener, entries] of byListener(batch)) {
      listener.onPersisted(
        entries.map(({ entry, index }) => ({
          update: entry.update,
          seq: seqs[index] as number,
          sender: entry.sender,
        })),
      );
    }
  }
}

function byListener(batch: QueuedEntry[]) {
  const groups = new Map<PersistListener<unknown>, Array<{ entry: QueuedEntry; index: number }>>();
  batch.forEach((entry, index) => {
    const group = groups.get(entry.listener);
    if (group) group.push({ entry, index });
    else groups.set(entry.listener, [{ entry, index }]);
  });
  return groups;
}
