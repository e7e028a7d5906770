/**
 * Updates that refer to edits the server does not have yet. Peers on different sockets (two tabs
 * sharing edits through the browser) can deliver causally related edits out of order; such an
 * update waits here, unstored and unseen, and is checked again whenever the document changes.
 * A connection's later updates wait behind its earlier ones, so its edits keep their order.
 * Bounded per connection in count, bytes and time: an update whose dependency never comes was
 * never going to fit the guide, and its sender is closed.
 */
export interface ParkingLimits {
  maxUpdates: number;
  maxBytes: number;
  maxWaitMs: number;
}

export const defaultParkingLimits: ParkingLimits = {
  maxUpdates: 256,
  maxBytes: 2 * 1024 * 1024,
  maxWaitMs: 10_000,
};

interface Parked<Message> {
  message: Message;
  bytes: number;
  since: number;
}

export class ParkedUpdates<Connection, Message> {
  private readonly byConnection = new Map<Connection, Array<Parked<Message>>>();
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly limits: ParkingLimits,
    /** Called when a connection's oldest update has waited too long. */
    private readonly onExpired: (connection: Connection) => void,
  ) {}

  holds(connection: Connection): boolean {
    return this.byConnection.has(connection);
  }

  get size(): number {
    let size = 0;
    for (const queue of this.byConnection.values()) size += queue.length;
    return size;
  }

  /** False when the connection already has as much waiting as it may. */
  park(connection: Connection, message: Message, bytes: number): boolean {
    const queue = this.byConnection.get(connection) ?? [];
    const waitingBytes = queue.reduce((sum, entry) => sum + entry.bytes, 0);
    if (queue.length >= this.limits.maxUpdates || waitingBytes + bytes > this.limits.maxBytes) {
      return false;
    }
    queue.push({ message, bytes, since: performance.now() });
    this.byConnection.set(connection, queue);
    this.sweepTimer ??= setInterval(() => this.sweep(), Math.min(1000, this.limits.maxWaitMs));
    this.sweepTimer.unref();
    return true;
  }

  /**
   * Offers each connection's waiting updates, oldest first, to `admit`; it answers whether the
   * update left (accepted or refused) or must keep waiting, which stops that connection's turn.
   */
  retry(admit: (connection: Connection, message: Message) => 'left' | 'waits'): void {
    for (const [connection, queue] of [...this.byConnection]) {
      while (queue.length > 0) {
        const first = queue[0] as Parked<Message>;
        if (admit(connection, first.message) === 'waits') break;
        queue.shift();
        // `admit` may have dropped the connection (closed it) meanwhile.
        if (!this.byConnection.has(connection)) break;
      }
      if (queue.length === 0) this.byConnection.delete(connection);
    }
    this.stopSweepingIfEmpty();
  }

  drop(connection: Connection): void {
    this.byConnection.delete(connection);
    this.stopSweepingIfEmpty();
  }

  clear(): void {
    this.byConnection.clear();
    this.stopSweepingIfEmpty();
  }

  private sweep(): void {
    const now = performance.now();
    for (const [connection, queue] of [...this.byConnection]) {
      const oldest = queue[0];
      if (oldest && now - oldest.since > this.limits.maxWaitMs) {
        this.byConnection.delete(connection);
        this.onExpired(connection);
      }
    }
    this.stopSweepingIfEmpty();
  }

  private stopSweepingIfEmpty(): void {
    if (this.byConnection.size > 0 || !this.sweepTimer) return;
    clearInterval(this.sweepTimer);
    this.sweepTimer = null;
  }
}
