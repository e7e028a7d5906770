import * as Y from 'yjs';
import { closeCodes } from '@draftroom/shared';
import type { DocumentStore } from '../persistence/index.ts';
import type { Logger } from '../lib/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { CollabConnection } from './connection.ts';
import { loadDocument, type LoadedDocument } from './documentLoader.ts';
import type { PersistedUpdate, PersistListener, PersistQueue } from './persistQueue.ts';
import { RoomPresence } from './presence.ts';
import {
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdateMessage,
  isEmptyUpdate,
  ProtocolError,
  type ClientMessage,
} from './protocol.ts';
import { UpdateAdmission, type AdmissionLimits, type Edit } from './updateAdmission.ts';
import type { validateUpdate } from './validation/validateUpdate.ts';
import type { HookList } from './documentHooks.ts';
import { buildServerUpdate } from './serverChange.ts';
import { authorOf } from './attribution.ts';
import { StoredHistory } from './storedHistory.ts';
import type { DocumentRelay, RelayedUpdate } from './relay/documentRelay.ts';
import { RoomRelay } from './relay/roomRelay.ts';
import { RelayedChanges } from './relay/relayedChanges.ts';

export interface RoomOptions {
  store: DocumentStore;
  persistQueue: PersistQueue;
  metrics: Metrics;
  logger: Logger;
  compactAfterUpdates: number;
  compactAfterBytes: number;
  limits: AdmissionLimits;
  validateUpdate: typeof validateUpdate;
  /** Document features plugged into every room (`DocumentHost.use`). */
  hooks: HookList;
  /** The other server instances serving this guide (`noRelay` when there are none). */
  relay: DocumentRelay;
}

type RoomStatus = 'loading' | 'ready' | 'recovering' | 'failed' | 'closed';

/** Origin of a batch that holds edits from more than one connection: it goes to everyone. */
const severalSenders = Symbol('several senders');

/** A state vector with no clients: the sender has nothing yet (encoded as the single byte 0). */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

/**
 * One loaded document: its Y.Doc, the presence of everyone in it, and their connections.
 *
 * Invariants:
 * - nothing is sent to anyone until the stored history is fully loaded (messages that arrive
 *   earlier wait in `waiting`), so a client never syncs against an empty stand-in;
 * - an update is validated (UpdateAdmission), then persisted (PersistQueue), then applied, and
 *   it is broadcast by applying it, so every peer only ever sees checked, durable edits;
 * - stored state is only ever rewritten from this loaded doc (compaction), never from a blank
 *   one, and only after checking that it loads back.
 */
export class Room implements PersistListener<Edit> {
  doc = new Y.Doc();
  readonly connections = new Set<CollabConnection>();
  readonly presence: RoomPresence;
  /** Settles when loading has finished, successfully or not. */
  readonly loaded: Promise<void>;

  private status: RoomStatus = 'loading';
  private waiting: Array<{ connection: CollabConnection; message: ClientMessage }> = [];
  /** Batches stored while the room rebuilt itself: applied once it has. */
  private heldBatches: PersistedUpdate<Edit>[][] = [];
  private readonly admission: UpdateAdmission;
  private readonly history: StoredHistory;
  private echoToSender = false;
  private fullStateFrame: Uint8Array | null = null;
  private readonly log: Logger;
  private readonly relay: RoomRelay;

  constructor(
    readonly documentId: string,
    private readonly options: RoomOptions,
    /** A previous instance of this document that is still unloading must finish first. */
    previousUnload: Promise<void> = Promise.resolve(),
  ) {
    this.log = options.logger.child({ documentId });
    this.history = new StoredHistory(documentId, options, this.log);
    this.relay = new RoomRelay(
      options.relay,
      documentId,
      new RelayedChanges(this, documentId, options, this.log),
      this.log,
    );
    this.presence = new RoomPresence(this.connections, options.metrics, this.log, (update) =>
      this.relay.publishPresence(update),
    );
    this.admission = new UpdateAdmission(
      this,
      options.limits,
      options.validateUpdate,
      options.metrics,
      this.log,
      options.hooks,
    );
    // Listening to the other instances comes first: nothing stored elsewhere falls between.
    this.loaded = previousUnload.then(() => this.relay.start()).then(() => this.load());
  }

  get isReady(): boolean {
    return this.status === 'ready';
  }

  addConnection(connection: CollabConnection): void {
    this.connections.add(connection);
    this.options.hooks.emit('connectionOpened', this.documentId, connection);
    if (this.status === 'ready') this.greet(connection);
    if (this.status === 'failed') this.refuse(connection);
  }

  removeConnection(connection: CollabConnection): void {
    if (!this.connections.delete(connection)) return;
    this.options.hooks.emit('connectionClosed', this.documentId, connection);
    this.waiting = this.waiting.filter((entry) => entry.connection !== connection);
    this.admission.forget(connection);
    this.presence.remove(connection);
  }

  /** Handles one decoded message; a ProtocolError closes only its sender. */
  handleMessage(connection: CollabConnection, message: ClientMessage): void {
    if (this.status === 'loading' || this.status === 'recovering') {
      this.waiting.push({ connection, message });
      return;
    }
    if (this.status !== 'ready') return;
    switch (message.kind) {
      case 'syncStep1':
        connection.send(this.syncStep2For(message.stateVector));
        return;
      case 'update':
        if (isEmptyUpdate(message.update)) return; // every client answers our step 1 so
        if (connection.permission !== 'write') {
          this.options.metrics.rejectedMessages.inc({ reason: 'read_only' });
          return;
        }
        this.admission.receive(connection, message);
        return;
      case 'awareness':
        this.presence.receive(connection, message.entries);
        return;
      case 'queryAwareness': {
        const frame = this.presence.everyoneFrame();
        if (frame) connection.send(frame);
        return;
      }
      case 'auth':
        return;
    }
  }

  /**
   * The server's own change (`DocumentHost.withDocument`): built on the loaded guide, then the
   * same gate, storage and broadcast as a person's edit. Resolves once it is stored and applied;
   * false when it changed nothing.
   */
  async changeByServer(change: (doc: Y.Doc) => void): Promise<boolean> {
    await this.loaded;
    if (this.status !== 'ready') throw new Error(`guide ${this.documentId} is not loaded`);
    const update = buildServerUpdate(this.doc, change);
    if (!update) return false;
    await new Promise<void>((resolve, reject) => {
      this.admission.admitServerChange(update, Y.decodeUpdate(update), (error) =>
        error ? reject(error) : resolve(),
      );
    });
    return true;
  }

  /** Sends an admitted edit to storage; `onPersisted` applies it once it is stored. */
  store(edit: Edit): void {
    this.options.persistQueue.enqueue(this.documentId, edit.update, edit, this, authorOf(edit));
  }

  /** Bytes in storage: the compacted state plus the updates appended since. */
  get storedBytes(): number {
    return this.history.storedBytes;
  }

  /** Writes pending appended updates into one state row. Safe to call at any time. */
  async compact(): Promise<void> {
    if (this.status !== 'ready') return;
    // After a failure, the next applied update tries again: a broken disk cannot spin this.
    const merged = await this.history.compact(this.doc);
    if (!merged) return;
    this.options.hooks.emit('compacted', this.documentId, merged);
    // Updates applied while this compaction ran may already be over the threshold again.
    setImmediate(() => this.compactIfOverThreshold());
  }

  /** Flushes and compacts, then frees memory. The registry calls it once nobody is left. */
  async unload(): Promise<void> {
    await this.loaded;
    if (this.admission.inFlight > 0) await this.options.persistQueue.drain();
    await this.compact();
    this.status = 'closed';
    this.relay.close();
    this.admission.close();
    this.presence.destroy();
    this.doc.destroy();
  }

  private async load(): Promise<void> {
    const stopTimer = this.options.metrics.documentLoadDuration.startTimer();
    try {
      this.adopt(
        await loadDocument(this.options.store, this.documentId, this.options.metrics, this.log),
      );
      this.status = 'ready';
      stopTimer();
      this.relay.open();
    } catch (error) {
      this.status = 'failed';
      this.relay.close();
      this.log.error({ category: 'persistence', err: error }, 'document failed to load');
      for (const connection of this.connections) this.refuse(connection);
      return;
    }
    for (const connection of this.connections) this.greet(connection);
    this.processWaiting();
  }

  private adopt(loaded: Awaited<ReturnType<typeof loadDocument>>): void {
    this.doc = loaded.doc;
    this.doc.on('update', this.broadcastUpdate);
    this.fullStateFrame = null;
    this.history.loaded(loaded);
    this.options.hooks.emit('loaded', this.documentId, this.doc);
    this.admission.documentChanged(this.doc);
  }

  private processWaiting(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const { connection, message } of waiting) {
      if (connection.closed) continue;
      try {
        this.handleMessage(connection, message);
      } catch (error) {
        if (!(error instanceof ProtocolError)) throw error;
        this.options.metrics.rejectedMessages.inc({ reason: error.reason });
        connection.close(error.closeCode, error.message);
      }
    }
  }

  private greet(connection: CollabConnection): void {
    connection.send(encodeSyncStep1(this.doc));
    const presence = this.presence.everyoneFrame();
    if (presence) connection.send(presence);
  }

  private refuse(connection: CollabConnection): void {
    connection.close(closeCodes.documentLoadFailed, 'document could not be loaded');
  }

  /** Called by the PersistQueue once per batch with this document's stored updates. */
  onPersisted(persisted: PersistedUpdate<Edit>[]): void {
    this.admission.stored(persisted.map((entry) => entry.sender));
    // Durable now, whatever happens here next: the other instances apply it too.
    this.relay.publishStored(persisted.map(({ seq, update }) => ({ seq, update })));
    if (this.status === 'closed') return;
    if (this.status === 'recovering') {
      this.heldBatches.push(persisted);
      return;
    }
    const failure = this.applyBatch(persisted);
    this.options.metrics.updates.inc(persisted.length);
    for (const { sender } of persisted)
      sender.settled?.(failure ? new Error('did not apply') : null);
    if (failure) {
      // The rebuild reloads every stored row, these included, and takes its accounts from there.
      void this.recover(persisted, failure);
      return;
    }
    this.history.applied(persisted);
    this.announcePersisted(persisted);
    this.admission.documentChanged(this.doc);
    this.compactIfOverThreshold();
  }

  private announcePersisted(persisted: readonly PersistedUpdate<Edit>[]): void {
    this.options.hooks.emit(
      'persisted',
      this.documentId,
      persisted.map(({ seq, update, sender }) => ({
        seq,
        update,
        source: sender.connection
          ? { kind: 'connection' as const, connection: sender.connection }
          : { kind: 'server' as const },
      })),
    );
  }

  onPersistFailed(updates: PersistedUpdate<Edit>[], error: Error): void {
    this.admission.stored(updates.map((entry) => entry.sender));
    this.log.error({ category: 'persistence', err: error }, 'updates could not be stored');
    // Nobody saw these edits; their senders still have them and resend after reconnecting.
    for (const { sender } of updates) sender.settled?.(error);
    for (const sender of new Set(updates.map((entry) => entry.sender.connection))) {
      sender?.close(closeCodes.internalError, 'update could not be stored; resend');
    }
  }

  /** Applies a stored batch in one transaction (one broadcast frame per peer); the error if any. */
  private applyBatch(persisted: PersistedUpdate<Edit>[]): unknown {
    const senders = new Set(persisted.map((entry) => entry.sender.connection));
    // The server's own changes (connection null) go to everyone.
    const only = persisted[0]?.sender.connection;
    const origin = senders.size === 1 && only ? only : severalSenders;
    // Normally the sender is skipped when broadcasting (it has the edit). But if earlier updates
    // were waiting for missing dependencies, this batch may release them, and the broadcast then
    // carries others' edits the sender has never seen: it must go to the sender too.
    const store = this.doc.store;
    this.echoToSender = store.pendingStructs !== null || store.pendingDs !== null;
    let failure: unknown = null;
    try {
      Y.transact(
        this.doc,
        () => {
          for (const { update } of persisted) {
            try {
              Y.applyUpdate(this.doc, update, origin);
            } catch (error) {
              failure ??= error;
            }
          }
        },
        origin,
      );
    } catch (error) {
      // Thrown while Yjs cleaned up the transaction (observers, merging, garbage collection).
      failure ??= error;
    } finally {
      this.echoToSender = false;
    }
    return failure;
  }

  /**
   * Defence in depth. Updates are validated before they are stored, so applying one should never
   * fail; if one does anyway, the in-memory document may hold part of it. The room rebuilds the
   * document from storage (the loader quarantines the rows that fail), closes the senders of
   * quarantined rows with 4422, and resynchronises everyone else, who stay connected.
   */
  private async recover(batch: PersistedUpdate<Edit>[], failure: unknown): Promise<void> {
    this.status = 'recovering';
    this.relay.hold();
    this.options.metrics.applyFailures.inc();
    this.log.error(
      { category: 'collab', err: failure },
      'stored update failed to apply; rebuilding',
    );
    const broken = this.doc;
    try {
      const loaded = await loadDocument(
        this.options.store,
        this.documentId,
        this.options.metrics,
        this.log,
      );
      broken.off('update', this.broadcastUpdate);
      broken.destroy();
      this.adopt(loaded);
      for (const { seq, sender } of batch) {
        if (loaded.quarantined.includes(seq)) {
          this.options.metrics.rejectedMessages.inc({ reason: 'invalid_update' });
          sender.connection?.close(closeCodes.invalidUpdate, 'update failed to apply');
        }
      }
      this.status = 'ready';
      this.relay.open();
    } catch (error) {
      this.status = 'failed';
      this.relay.close();
      this.log.error({ category: 'persistence', err: error }, 'document could not be rebuilt');
      for (const connection of this.connections) this.refuse(connection);
      return;
    }
    const held = this.heldBatches;
    this.heldBatches = [];
    for (const persisted of held) {
      this.applyBatch(persisted);
      // Stored after the rebuild read the history, or before: counted once either way.
      this.history.applied(persisted);
      this.announcePersisted(persisted);
    }
    // Everyone gets the whole rebuilt document (Yjs skips what they have) and our state vector,
    // to which they answer with whatever we lack.
    const everything = encodeUpdateMessage(Y.encodeStateAsUpdate(this.doc));
    for (const connection of this.connections) {
      connection.send(everything);
      connection.send(encodeSyncStep1(this.doc));
    }
    this.admission.documentChanged(this.doc);
    this.processWaiting();
  }

  /** What other instances stored is now in the live guide (`RelayedChanges`): counted here. */
  tookRelayed(took: { rows: readonly RelayedUpdate[] } | { reloaded: LoadedDocument }): void {
    if ('rows' in took) this.history.applied(took.rows);
    else this.history.loaded(took.reloaded);
    this.admission.documentChanged(this.doc);
    this.compactIfOverThreshold();
  }

  /** Settles when no compaction is writing the accounts (a resync replaces them). */
  compactionIdle(): Promise<void> {
    return this.history.idle();
  }

  private compactIfOverThreshold(): void {
    if (this.status === 'ready' && !this.history.isCompacting && this.history.overThreshold) {
      void this.compact();
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
    const frame = encodeUpdateMessage(update);
    for (const connection of this.connections) {
      if (this.echoToSender || connection !== origin) connection.send(frame);
    }
  };
}
