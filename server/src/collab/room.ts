import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { closeCodes } from '@draftroom/shared';
import type { DocumentStore } from '../persistence/index.ts';
import type { Logger } from '../lib/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import { CollabConnection } from './connection.ts';
import type { PersistedUpdate, PersistListener, PersistQueue } from './persistQueue.ts';
import {
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdateMessage,
  isEmptyUpdate,
  type ClientMessage,
} from './protocol.ts';

export interface RoomOptions {
  store: DocumentStore;
  persistQueue: PersistQueue;
  metrics: Metrics;
  logger: Logger;
  compactAfterUpdates: number;
  compactAfterBytes: number;
  maxDocumentBytes: number;
}

type RoomStatus = 'loading' | 'ready' | 'failed' | 'closed';

/** Origin of transactions that replay stored history: they are nobody's news, so not broadcast. */
const loadOrigin = Symbol('load');
/** Presence broadcasts per room are at least this far apart (caret moves are not edits). */
const awarenessIntervalMs = 50;
/** Origin of a batch that holds edits from more than one connection: it goes to everyone. */
const severalSenders = Symbol('several senders');

/**
 * One loaded document: its Y.Doc, the awareness of everyone in it, and their connections.
 *
 * Invariants:
 * - nothing is sent to anyone until the stored history is fully loaded (messages that arrive
 *   earlier wait in `waiting`), so a client never syncs against an empty stand-in;
 * - an update is persisted (PersistQueue) before it is applied, and it is broadcast by applying
 *   it, so every peer only ever sees durable edits;
 * - stored state is only ever rewritten from this loaded doc (compaction), never from a blank one.
 */
/** A state vector with no clients: the sender has nothing yet (encoded as the single byte 0). */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

export class Room implements PersistListener<CollabConnection> {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<CollabConnection>();
  /** Settles when loading has finished, successfully or not. */
  readonly loaded: Promise<void>;

  private status: RoomStatus = 'loading';
  private waiting: Array<{ connection: CollabConnection; message: ClientMessage }> = [];
  private appliedSeq = 0;
  private uncompactedUpdates = 0;
  private uncompactedBytes = 0;
  private updatesInFlight = 0;
  private bytesInFlight = 0;
  /** Bytes in storage: the compacted state plus the updates appended since. */
  private stateBytes = 0;
  private compacting: Promise<void> | null = null;
  private awarenessChanged = new Set<number>();
  private awarenessFlushScheduled = false;
  private lastAwarenessFlush = 0;
  private echoToSender = false;
  private fullStateFrame: Uint8Array | null = null;
  /**
   * This room's compaction threshold: the configured one ±25 %, so the guides of a conference,
   * which start together and fill at the same pace, do not all compact in the same moment.
   */
  private readonly compactAfterUpdates: number;
  private readonly log: Logger;

  constructor(
    readonly documentId: string,
    private readonly options: RoomOptions,
    /** A previous instance of this document that is still unloading must finish first. */
    previousUnload: Promise<void> = Promise.resolve(),
  ) {
    this.log = options.logger.child({ documentId });
    this.compactAfterUpdates = Math.round(
      options.compactAfterUpdates * (0.75 + Math.random() * 0.5),
    );
    // The server speaks for nobody: it relays others' presence and publishes none of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', this.broadcastUpdate);
    this.awareness.on('update', this.collectAwarenessChange);
    this.loaded = previousUnload.then(() => this.load());
  }

  get isReady(): boolean {
    return this.status === 'ready';
  }

  private get storedBytes(): number {
    return this.stateBytes + this.uncompactedBytes;
  }

  addConnection(connection: CollabConnection): void {
    this.connections.add(connection);
    if (this.status === 'ready') this.greet(connection);
    if (this.status === 'failed') this.refuse(connection);
  }

  removeConnection(connection: CollabConnection): void {
    if (!this.connections.delete(connection)) return;
    this.waiting = this.waiting.filter((entry) => entry.connection !== connection);
    if (connection.awarenessClientIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(
        this.awareness,
        [...connection.awarenessClientIds],
        'disconnect',
      );
    }
  }

  handleMessage(connection: CollabConnection, message: ClientMessage): void {
    if (this.status === 'loading') {
      this.waiting.push({ connection, message });
      return;
    }
    if (this.status !== 'ready') return;
    switch (message.kind) {
      case 'syncStep1':
        connection.send(this.syncStep2For(message.stateVector));
        return;
      case 'update':
        this.receiveUpdate(connection, message.update);
        return;
      case 'awareness':
        this.receiveAwareness(connection, message.update);
        return;
      case 'queryAwareness':
        connection.send(
          encodeAwarenessMessage(this.awareness, [...this.awareness.getStates().keys()]),
        );
        return;
      case 'auth':
        return;
    }
  }

  /** Writes pending appended updates into one state row. Safe to call at any time. */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    if (this.status !== 'ready' || this.uncompactedUpdates === 0) return Promise.resolve();
    this.compacting = this.compactNow().finally(() => {
      this.compacting = null;
    });
    return this.compacting;
  }

  private async compactNow(): Promise<void> {
    const throughSeq = this.appliedSeq;
    const updates = this.uncompactedUpdates;
    const bytes = this.uncompactedBytes;
    const state = Y.encodeStateAsUpdate(this.doc);
    try {
      await this.options.store.compact(this.documentId, state, throughSeq);
    } catch (error) {
      // The appended updates are still stored; the next applied update tries again, so a broken
      // disk cannot spin this in a loop.
      this.log.error({ category: 'persistence', err: error }, 'compaction failed');
      return;
    }
    this.uncompactedUpdates -= updates;
    this.uncompactedBytes -= bytes;
    this.stateBytes = state.length;
    this.options.metrics.compactions.inc();
    this.log.debug(
      { category: 'persistence', throughSeq, updates, bytes: state.length },
      'compacted',
    );
    // Updates applied while this compaction ran may already be over the threshold again.
    setImmediate(() => this.compactIfOverThreshold());
  }

  /** Flushes and compacts, then frees memory. The registry calls it once nobody is left. */
  async unload(): Promise<void> {
    await this.loaded;
    if (this.updatesInFlight > 0) await this.options.persistQueue.drain();
    await this.compact();
    this.status = 'closed';
    this.awareness.destroy();
    this.doc.destroy();
  }

  private async load(): Promise<void> {
    const stopTimer = this.options.metrics.documentLoadDuration.startTimer();
    try {
      const stored = await this.options.store.load(this.documentId);
      Y.transact(
        this.doc,
        () => {
          if (stored.state) Y.applyUpdate(this.doc, stored.state, loadOrigin);
          for (const { seq, data } of stored.updates) {
            this.applyStoredUpdate(seq, data);
            this.uncompactedBytes += data.length;
          }
        },
        loadOrigin,
      );
      this.uncompactedUpdates = stored.updates.length;
      this.stateBytes = stored.state?.length ?? 0;
      this.appliedSeq = stored.updates.at(-1)?.seq ?? 0;
      this.status = 'ready';
      stopTimer();
    } catch (error) {
      this.status = 'failed';
      this.log.error({ category: 'persistence', err: error }, 'document failed to load');
      for (const connection of this.connections) this.refuse(connection);
      return;
    }
    for (const connection of this.connections) this.greet(connection);
    const waiting = this.waiting;
    this.waiting = [];
    for (const { connection, message } of waiting) this.handleMessage(connection, message);
  }

  private applyStoredUpdate(seq: number, data: Uint8Array): void {
    try {
      Y.applyUpdate(this.doc, data, loadOrigin);
    } catch (error) {
      // One bad row must not make the whole document unreadable; it is logged and skipped.
      this.log.error({ category: 'persistence', seq, err: error }, 'stored update failed to apply');
    }
  }

  private greet(connection: CollabConnection): void {
    connection.send(encodeSyncStep1(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) connection.send(encodeAwarenessMessage(this.awareness, states));
  }

  private refuse(connection: CollabConnection): void {
    connection.close(closeCodes.documentLoadFailed, 'document could not be loaded');
  }

  private receiveUpdate(connection: CollabConnection, update: Uint8Array): void {
    // Every client answers our sync step 1 with a step 2, empty when it has nothing new: not an edit.
    if (isEmptyUpdate(update)) return;
    if (connection.permission !== 'write') {
      this.options.metrics.rejectedMessages.inc({ reason: 'read_only' });
      return;
    }
    if (this.storedBytes + this.bytesInFlight + update.length > this.options.maxDocumentBytes) {
      this.options.metrics.rejectedMessages.inc({ reason: 'document_too_large' });
      connection.close(closeCodes.documentTooLarge, 'document size limit reached');
      return;
    }
    this.updatesInFlight++;
    this.bytesInFlight += update.length;
    this.options.persistQueue.enqueue(this.documentId, update, connection, this);
  }

  /** Called by the PersistQueue once per batch with this document's stored updates. */
  onPersisted(persisted: PersistedUpdate<CollabConnection>[]): void {
    this.updatesInFlight -= persisted.length;
    for (const { update } of persisted) this.bytesInFlight -= update.length;
    if (this.status === 'closed') return;
    const senders = new Set(persisted.map((entry) => entry.sender));
    const origin = senders.size === 1 ? persisted[0]?.sender : severalSenders;
    // Normally the sender is skipped when broadcasting (it has the edit). But if earlier updates
    // were waiting for missing dependencies, this batch may release them, and the broadcast then
    // carries others' edits the sender has never seen: it must go to the sender too.
    const store = this.doc.store;
    this.echoToSender = store.pendingStructs !== null || store.pendingDs !== null;
    try {
      // One transaction for the whole batch: one update event, so one broadcast frame per peer.
      Y.transact(
        this.doc,
        () => {
          for (const { update, sender } of persisted) this.applyOne(update, sender);
        },
        origin,
      );
    } finally {
      this.echoToSender = false;
    }
    for (const { update, seq } of persisted) {
      this.appliedSeq = Math.max(this.appliedSeq, seq);
      this.uncompactedBytes += update.length;
    }
    this.uncompactedUpdates += persisted.length;
    this.options.metrics.updates.inc(persisted.length);
    this.compactIfOverThreshold();
  }

  onPersistFailed(updates: PersistedUpdate<CollabConnection>[], error: Error): void {
    this.updatesInFlight -= updates.length;
    for (const { update } of updates) this.bytesInFlight -= update.length;
    const senders = updates.map((entry) => entry.sender);
    this.log.error({ category: 'persistence', err: error }, 'updates could not be stored');
    // Nobody saw these edits; their senders still have them and resend after reconnecting.
    for (const sender of new Set(senders)) {
      sender.close(closeCodes.internalError, 'update could not be stored; resend');
    }
  }

  private applyOne(update: Uint8Array, sender: CollabConnection): void {
    try {
      Y.applyUpdate(this.doc, update, sender);
    } catch (error) {
      this.options.metrics.rejectedMessages.inc({ reason: 'invalid_update' });
      this.log.warn({ category: 'collab', err: error }, 'update decoded but failed to apply');
      sender.close(closeCodes.invalidUpdate, 'update failed to apply');
    }
  }

  private compactIfOverThreshold(): void {
    if (this.compacting || this.status !== 'ready') return;
    if (
      this.uncompactedUpdates >= this.compactAfterUpdates ||
      this.uncompactedBytes >= this.options.compactAfterBytes
    ) {
      void this.compact();
    }
  }

  private receiveAwareness(connection: CollabConnection, update: Uint8Array): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection);
    } catch (error) {
      this.options.metrics.rejectedMessages.inc({ reason: 'invalid_update' });
      this.log.warn({ category: 'collab', err: error }, 'awareness update failed to apply');
      connection.close(closeCodes.invalidUpdate, 'awareness update failed to apply');
    }
  }

  /**
   * A newcomer sends an empty state vector and needs the whole document. When a class of 200
   * joins at once, they share one encoding, kept until the document next changes.
   */
  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    if (!isEmptyStateVector(stateVector)) return encodeSyncStep2(this.doc, stateVector);
    this.fullStateFrame ??= encodeSyncStep2(this.doc, stateVector);
    return this.fullStateFrame;
  }

  private readonly broadcastUpdate = (update: Uint8Array, origin: unknown): void => {
    this.fullStateFrame = null;
    if (origin === loadOrigin) return;
    const frame = encodeUpdateMessage(update);
    for (const connection of this.connections) {
      if (connection !== origin || this.echoToSender) connection.send(frame);
    }
  };

  /**
   * Presence is coalesced and rate-limited: awareness changes go out as one frame per room at
   * most every `awarenessIntervalMs` (at once when the room has been quiet), so a room of twenty
   * moving carets costs at most 1000/interval broadcasts a second, however fast they move.
   */
  private readonly collectAwarenessChange = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin instanceof CollabConnection) {
      for (const id of change.added) origin.awarenessClientIds.add(id);
      for (const id of change.removed) origin.awarenessClientIds.delete(id);
    }
    for (const id of [...change.added, ...change.updated, ...change.removed]) {
      this.awarenessChanged.add(id);
    }
    if (this.awarenessFlushScheduled) return;
    this.awarenessFlushScheduled = true;
    const wait = this.lastAwarenessFlush + awarenessIntervalMs - performance.now();
    if (wait <= 0) setImmediate(this.flushAwareness);
    else setTimeout(this.flushAwareness, wait).unref();
  };

  private readonly flushAwareness = (): void => {
    this.awarenessFlushScheduled = false;
    if (this.status !== 'ready' || this.awarenessChanged.size === 0) return;
    this.lastAwarenessFlush = performance.now();
    const frame = encodeAwarenessMessage(this.awareness, [...this.awarenessChanged]);
    this.awarenessChanged.clear();
    for (const connection of this.connections) connection.send(frame);
  };
}
