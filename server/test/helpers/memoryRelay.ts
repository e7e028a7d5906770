import type {
  DocumentRelay,
  DocumentRelayListener,
  RelayedUpdate,
} from '../../src/collab/relay/documentRelay.ts';

interface Subscriber {
  instance: string;
  listener: DocumentRelayListener;
}

/**
 * Several collaboration servers of one test process, relayed to each other in memory: the
 * collaboration side of scale-out (rooms publishing what they stored, applying the others',
 * resyncing) without Redis. The Redis relay has its own tests; the fault tests run both with
 * real processes. Deliveries are asynchronous, like a network's, and an instance can be cut off
 * (it misses what is published meanwhile) and reconnected (it is told to resync).
 */
export class MemoryRelayHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly cutOff = new Set<string>();

  relayFor(instance: string): DocumentRelay {
    return {
      subscribe: async (documentId, listener) => {
        const subscriber = { instance, listener };
        let set = this.subscribers.get(documentId);
        if (!set) this.subscribers.set(documentId, (set = new Set()));
        set.add(subscriber);
        return () => set.delete(subscriber);
      },
      publishUpdates: (documentId, entries) =>
        this.publish(instance, documentId, (listener) => listener.updates(copy(entries))),
      publishPresence: (documentId, update) =>
        this.publish(instance, documentId, (listener) =>
          listener.presence(update.slice(), instance),
        ),
      close: async () => {},
    };
  }

  /** The instance hears nothing until `reconnect`. */
  cut(instance: string): void {
    this.cutOff.add(instance);
  }

  /** The instance hears again, and every guide it listens to is told to resync. */
  reconnect(instance: string): void {
    this.cutOff.delete(instance);
    for (const set of this.subscribers.values()) {
      for (const subscriber of set) {
        if (subscriber.instance === instance) setImmediate(() => subscriber.listener.resync());
      }
    }
  }

  private publish(
    from: string,
    documentId: string,
    deliver: (listener: DocumentRelayListener) => void,
  ): void {
    if (this.cutOff.has(from)) return;
    for (const subscriber of this.subscribers.get(documentId) ?? []) {
      if (subscriber.instance === from) continue;
      setImmediate(() => {
        if (!this.cutOff.has(subscriber.instance)) deliver(subscriber.listener);
      });
    }
  }
}

const copy = (entries: readonly RelayedUpdate[]) =>
  entries.map(({ seq, update }) => ({ seq, update: update.slice() }));
