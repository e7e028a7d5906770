import type { AppendEntry, DocumentStore } from '../persistence/index.ts';
import type { Metrics } from '../observability/metrics.ts';

type Done = (error: Error | null, seq: number) => void;

interface QueuedEntry extends AppendEntry {
  done: Done;
}

/**
 * Group commit. Every update that arrives during one event-loop turn is appended in a single
 * transaction at the end of that turn (setImmediate runs after the poll phase that delivered the
 * websocket frames). Only when the transaction has committed are the callbacks told, in arrival
 * order, so an update is durable before anyone can see it. Batches never overlap, which keeps
 * each document's updates in the order they arrived.
 */
export class PersistQueue {
  private queue: QueuedEntry[] = [];
  private scheduled = false;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly store: DocumentStore,
    private readonly metrics: Metrics,
  ) {}

  enqueue(documentId: string, update: Uint8Array, done: Done): void {
    this.queue.push({ documentId, update, done });
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
      for (const entry of batch) entry.done(error as Error, -1);
      return;
    }
    stopTimer();
    this.metrics.persistBatchSize.observe(batch.length);
    batch.forEach((entry, index) => entry.done(null, seqs[index] as number));
  }
}
