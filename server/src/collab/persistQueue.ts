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

/** A batch handed to the store: done once it is written, then told to its listeners in turn. */
interface Slot {
  done: boolean;
  tell: () => void;
}

/**
 * Group commit. Every update that arrives during one event-loop turn is appended in a single
 * transaction at the end of that turn (setImmediate runs after the poll phase that delivered the
 * websocket frames). Only when the transaction has committed is each listener told, once, with
 * all of its updates of that batch in arrival order, so an update is durable before anyone can
 * see it.
 *
 * Pipelined where the store allows (`concurrentAppends`, PostgreSQL): while one batch commits,
 * the next may be written too instead of waiting, so an edit waits for its own commit only.
 * Listeners are still told batch by batch in the order the batches were made, whichever commits
 * first, so every room hears of its updates in the order they arrived. On SQLite (one writer)
 * batches never overlap, as before.
 */
export class PersistQueue {
  private queue: QueuedEntry[] = [];
  private scheduled = false;
  /** Batches handed to the store and not yet told, oldest first; at most `limit`. */
  private readonly slots: Slot[] = [];
  private waiters: Array<() => void> = [];
  private readonly limit: number;

  constructor(
    private readonly store: DocumentStore,
    private readonly metrics: Metrics,
  ) {
    this.limit = Math.max(1, Math.floor(store.concurrentAppends ?? 1));
  }

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

  /** Resolves once everything enqueued so far has been written (or has failed) and told. */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.slots.length > 0) {
      this.flush();
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private schedule(): void {
    if (this.scheduled || this.slots.length >= this.limit) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.queue.length === 0 || this.slots.length >= this.limit) return;
    const batch = this.queue;
    this.queue = [];
    const slot: Slot = { done: false, tell: () => {} };
    this.slots.push(slot);
    void this.write(batch).then((tell) => {
      slot.done = true;
      slot.tell = tell;
      this.tellInOrder();
    });
  }

  /** Tells every written batch whose elders have all been told, then wakes `drain`. */
  private tellInOrder(): void {
    try {
      while (this.slots[0]?.done) (this.slots.shift() as Slot).tell();
    } finally {
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
      if (this.queue.length > 0) this.schedule();
    }
  }

  /** Writes one batch; returns how to tell its listeners (called in batch order). */
  private async write(batch: QueuedEntry[]): Promise<() => void> {
    const stopTimer = this.metrics.persistDuration.startTimer();
    let seqs: number[];
    try {
      seqs = await this.store.appendBatch(batch);
    } catch (error) {
      return () => {
        for (const [listener, entries] of byListener(batch)) {
          listener.onPersistFailed(
            entries.map(({ entry }) => ({ update: entry.update, seq: -1, sender: entry.sender })),
            error as Error,
          );
        }
      };
    }
    stopTimer();
    this.metrics.persistBatchSize.observe(batch.length);
    return () => {
      for (const [listener, entries] of byListener(batch)) {
        listener.onPersisted(
          entries.map(({ entry, index }) => ({
            update: entry.update,
            seq: seqs[index] as number,
            sender: entry.sender,
          })),
        );
      }
    };
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
