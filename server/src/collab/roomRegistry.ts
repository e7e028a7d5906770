import type { Logger } from '../lib/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { CollabConnection } from './connection.ts';
import { Room, type RoomOptions } from './room.ts';

/**
 * Which documents are loaded. A document is loaded when its first connection arrives and
 * unloaded (flushed and compacted first) `idleUnloadMs` after its last one leaves. A connection
 * that arrives while the previous instance is still unloading gets a new Room that waits for it.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  /** Rooms the server holds open for its own work, and how many times. */
  private readonly holds = new Map<Room, number>();

  constructor(
    private readonly roomOptions: RoomOptions,
    private readonly idleUnloadMs: number,
    private readonly metrics: Metrics,
    private readonly logger: Logger,
  ) {}

  get loadedCount(): number {
    return this.rooms.size;
  }

  get(documentId: string): Room | undefined {
    return this.rooms.get(documentId);
  }

  /**
   * Resolves once the document's unload in flight, if any, is over (flushed and compacted): a
   * room leaves the registry when its unload starts, not when it ends.
   */
  whenUnloaded(documentId: string): Promise<void> {
    return this.unloading.get(documentId) ?? Promise.resolve();
  }

  join(documentId: string, connection: CollabConnection): Room {
    const room = this.open(documentId);
    room.addConnection(connection);
    return room;
  }

  leave(room: Room, connection: CollabConnection): void {
    room.removeConnection(connection);
    this.unloadWhenIdle(room);
  }

  /**
   * Keeps a document loaded for the server's own work (`DocumentHost`), with or without anyone
   * connected; `release` lets it unload again once nobody is left.
   */
  hold(documentId: string): Room {
    const room = this.open(documentId);
    this.holds.set(room, (this.holds.get(room) ?? 0) + 1);
    return room;
  }

  release(room: Room): void {
    const holds = (this.holds.get(room) ?? 1) - 1;
    if (holds > 0) this.holds.set(room, holds);
    else this.holds.delete(room);
    this.unloadWhenIdle(room);
  }

  private open(documentId: string): Room {
    this.cancelIdleTimer(documentId);
    let room = this.rooms.get(documentId);
    if (!room) {
      room = new Room(documentId, this.roomOptions, this.unloading.get(documentId));
      this.rooms.set(documentId, room);
      this.metrics.loadedDocuments.set(this.rooms.size);
      const loadedRoom = room;
      void room.loaded.then(() => {
        // A document that failed to load is forgotten so the next visitor tries again.
        if (!loadedRoom.isReady && this.rooms.get(documentId) === loadedRoom)
          this.forget(loadedRoom);
      });
    }
    return room;
  }

  private inUse(room: Room): boolean {
    return room.connections.size > 0 || this.holds.has(room);
  }

  private unloadWhenIdle(room: Room): void {
    if (this.inUse(room) || this.rooms.get(room.documentId) !== room) return;
    this.cancelIdleTimer(room.documentId);
    const timer = setTimeout(() => this.unload(room), this.idleUnloadMs);
    timer.unref();
    this.idleTimers.set(room.documentId, timer);
  }

  /** Unloads every document (used by graceful shutdown once connections are closed). */
  async unloadAll(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    await Promise.all([...this.rooms.values()].map((room) => this.unload(room)));
    await Promise.all(this.unloading.values());
  }

  private unload(room: Room): Promise<void> {
    this.idleTimers.delete(room.documentId);
    if (this.inUse(room) || this.rooms.get(room.documentId) !== room) return Promise.resolve();
    this.forget(room);
    const done = room
      .unload()
      .catch((error: unknown) => {
        this.logger.error(
          { category: 'collab', documentId: room.documentId, err: error },
          'unload failed',
        );
      })
      .finally(() => {
        if (this.unloading.get(room.documentId) === done) this.unloading.delete(room.documentId);
      });
    this.unloading.set(room.documentId, done);
    return done;
  }

  private forget(room: Room): void {
    this.rooms.delete(room.documentId);
    this.metrics.loadedDocuments.set(this.rooms.size);
  }

  private cancelIdleTimer(documentId: string): void {
    const timer = this.idleTimers.get(documentId);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(documentId);
  }
}
