import type { Logger } from '../../lib/logger.ts';
import type { DocumentRelay, RelayedUpdate } from './documentRelay.ts';

/** What a room does with what other instances relay (see `Room`). */
export interface RelayTarget {
  /** Updates another instance stored: applied here and sent to this instance's sockets. */
  applyRelayed(entries: readonly RelayedUpdate[]): void;
  /** Presence of another instance's sockets. */
  applyRelayedPresence(awarenessUpdate: Uint8Array): void;
  /** Something may have been missed: merge in everything stored. */
  resyncFromStore(): void;
}

type Delivery =
  | { kind: 'updates'; entries: readonly RelayedUpdate[] }
  | { kind: 'presence'; update: Uint8Array }
  | { kind: 'resync' };

/**
 * One room's link to the other instances. It subscribes before the room reads the store, so an
 * update stored elsewhere is either in what the room reads or delivered afterwards (both is
 * harmless: Yjs applies an update once). Until the room is ready (loading, rebuilding),
 * deliveries wait here in order.
 */
export class RoomRelay {
  private held: Delivery[] | null = [];
  private unsubscribe: () => void = () => {};
  private closed = false;

  constructor(
    private readonly relay: DocumentRelay,
    private readonly documentId: string,
    private readonly target: RelayTarget,
    private readonly log: Logger,
  ) {}

  /** Listens to the other instances; never rejects (a room still serves its own sockets). */
  async start(): Promise<void> {
    try {
      const unsubscribe = await this.relay.subscribe(this.documentId, {
        updates: (entries) => this.deliver({ kind: 'updates', entries }),
        presence: (update) => this.deliver({ kind: 'presence', update }),
        resync: () => this.deliver({ kind: 'resync' }),
      });
      if (this.closed) unsubscribe();
      else this.unsubscribe = unsubscribe;
    } catch (error) {
      // The relay calls resync once it is back; until then this instance serves what it has.
      this.log.error({ category: 'relay', err: error }, 'could not listen to other instances');
    }
  }

  /** The room is ready: what waited is applied now, in order; later deliveries at once. */
  open(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const delivery of held) this.dispatch(delivery);
  }

  /** The room is rebuilding: deliveries wait again until `open`. */
  hold(): void {
    this.held ??= [];
  }

  close(): void {
    this.closed = true;
    this.held = null;
    this.unsubscribe();
  }

  /** Updates this instance stored (durable already), for the other instances. */
  publishStored(entries: readonly RelayedUpdate[]): void {
    if (!this.closed) this.relay.publishUpdates(this.documentId, entries);
  }

  publishPresence(awarenessUpdate: Uint8Array): void {
    if (!this.closed) this.relay.publishPresence(this.documentId, awarenessUpdate);
  }

  private deliver(delivery: Delivery): void {
    if (this.closed) return;
    if (this.held) this.held.push(delivery);
    else this.dispatch(delivery);
  }

  private dispatch(delivery: Delivery): void {
    try {
      if (delivery.kind === 'updates') this.target.applyRelayed(delivery.entries);
      else if (delivery.kind === 'presence') this.target.applyRelayedPresence(delivery.update);
      else this.target.resyncFromStore();
    } catch (error) {
      this.log.error({ category: 'relay', err: error }, 'relayed change failed to apply');
    }
  }
}
