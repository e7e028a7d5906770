import { describe, expect, it } from 'vitest';
import { createMetrics } from '../observability/metrics.ts';
import type { AppendEntry, DocumentStore } from '../persistence/index.ts';
import { PersistQueue, type PersistedUpdate, type PersistListener } from './persistQueue.ts';

/**
 * A store whose batches finish when the test says (the queue is what is tested here; the real
 * stores have their own contract test): it records every batch and how many ran at once.
 */
function heldStore(concurrentAppends?: number) {
  const calls: Array<{
    entries: readonly AppendEntry[];
    finish: () => void;
    fail: (error: Error) => void;
  }> = [];
  let running = 0;
  let mostAtOnce = 0;
  let nextSeq = 1;
  const store = {
    ...(concurrentAppends ? { concurrentAppends } : {}),
    appendBatch(entries: readonly AppendEntry[]) {
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      return new Promise<number[]>((resolve, reject) => {
        calls.push({
          entries,
          finish: () => {
            running--;
            resolve(entries.map(() => nextSeq++));
          },
          fail: (error) => {
            running--;
            reject(error);
          },
        });
      });
    },
  } as unknown as DocumentStore;
  return { store, calls, mostAtOnce: () => mostAtOnce };
}

/** What one listener heard, in order: the first byte of each update, or "failed:<byte>". */
function recorder(): PersistListener<string> & { heard: string[] } {
  const heard: string[] = [];
  return {
    heard,
    onPersisted: (updates: PersistedUpdate<string>[]) =>
      heard.push(...updates.map((update) => String(update.update[0]))),
    onPersistFailed: (updates: PersistedUpdate<string>[]) =>
      heard.push(...updates.map((update) => `failed:${update.update[0]}`)),
  };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** One batch per event-loop turn: enqueue one update, let the queue hand it to the store. */
async function enqueueInTurns(queue: PersistQueue, listener: PersistListener<string>, n: number) {
  for (let byte = 1; byte <= n; byte++) {
    queue.enqueue('guide', Uint8Array.of(byte), 'socket', listener);
    await turn();
  }
}

describe('PersistQueue', () => {
  it('writes one batch at a time on a store of one writer', async () => {
    const { store, calls, mostAtOnce } = heldStore();
    const queue = new PersistQueue(store, createMetrics());
    const listener = recorder();
    await enqueueInTurns(queue, listener, 3);
    // The first batch is being written; the other two wait together for the next.
    expect(calls).toHaveLength(1);
    calls[0]?.finish();
    await turn();
    await turn();
    expect(calls).toHaveLength(2);
    expect(calls[1]?.entries).toHaveLength(2);
    calls[1]?.finish();
    await queue.drain();
    expect(listener.heard).toEqual(['1', '2', '3']);
    expect(mostAtOnce()).toBe(1);
  });

  it('writes up to concurrentAppends batches at once, and tells them in the order they were made', async () => {
    const { store, calls, mostAtOnce } = heldStore(3);
    const queue = new PersistQueue(store, createMetrics());
    const listener = recorder();
    await enqueueInTurns(queue, listener, 4);
    // Three written at once; the fourth waits for a place.
    expect(calls).toHaveLength(3);
    // The newest finishes first: nobody hears of it before the batches made before it.
    calls[2]?.finish();
    calls[1]?.finish();
    await turn();
    expect(listener.heard).toEqual([]);
    expect(calls).toHaveLength(3);
    calls[0]?.finish();
    await turn();
    expect(listener.heard).toEqual(['1', '2', '3']);
    await turn();
    expect(calls).toHaveLength(4);
    calls[3]?.finish();
    await queue.drain();
    expect(listener.heard).toEqual(['1', '2', '3', '4']);
    expect(mostAtOnce()).toBe(3);
  });

  it('tells a failed batch in its turn and goes on with the next', async () => {
    const { store, calls } = heldStore(2);
    const queue = new PersistQueue(store, createMetrics());
    const listener = recorder();
    await enqueueInTurns(queue, listener, 2);
    calls[1]?.finish();
    calls[0]?.fail(new Error('connection terminated'));
    await queue.drain();
    expect(listener.heard).toEqual(['failed:1', '2']);
  });

  it('drains only once every batch is written and told', async () => {
    const { store, calls } = heldStore(2);
    const queue = new PersistQueue(store, createMetrics());
    const listener = recorder();
    queue.enqueue('guide', Uint8Array.of(1), 'socket', listener);
    let drained = false;
    const draining = queue.drain().then(() => (drained = true));
    await turn();
    expect(drained).toBe(false);
    calls[0]?.finish();
    await draining;
    expect(listener.heard).toEqual(['1']);
  });
});
