import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { BenchClient, BenchClientOptions } from './benchClient.ts';

const messageSync = 0;
const messageAwareness = 1;

/**
 * A headless peer speaking the y-websocket protocol with y-protocols directly (what the stock
 * provider does, minus reconnection), instrumented for benchmarks: it can send prepared updates
 * without re-encoding them and calls back on every update and awareness frame it receives.
 */
export type ProtocolClientOptions = BenchClientOptions;

export class ProtocolClient implements BenchClient {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  synced = false;
  received = 0;
  /** Socket errors seen (a refused upgrade, a reset connection). */
  errors = 0;
  closeCode: number | null = null;
  /** True once close() was called, so a close we asked for is not counted as a failure. */
  closing = false;
  /** The payload of the server's sync step 2 (what a new client downloads when it joins). */
  syncPayload: Uint8Array | null = null;
  onRemoteUpdate: ((update: Uint8Array) => void) | null = null;
  onAwareness: ((update: Uint8Array) => void) | null = null;
  private readonly socket: WebSocket;
  private readonly opened: Promise<void>;
  private syncedResolvers: Array<() => void> = [];

  constructor(url: string, options: ProtocolClientOptions = {}) {
    const applyUpdates = options.applyUpdates ?? true;
    this.doc = new Y.Doc();
    if (options.clientId !== undefined) this.doc.clientID = options.clientId;
    // Awareness takes its clientID from the doc when it is created, so this comes second.
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.socket = new WebSocket(url, { headers: options.headers, perMessageDeflate: false });
    this.socket.binaryType = 'nodebuffer';
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('close', (code) => reject(new Error(`closed before open (${code})`)));
    });
    // A persistent listener: an 'error' event without one would crash the whole bench.
    this.socket.on('error', () => this.errors++);
    this.socket.on('close', (code) => {
      this.closeCode = code;
      // Anyone still waiting for the handshake learns it will not come.
      for (const resolve of this.syncedResolvers.splice(0)) resolve();
    });
    this.socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      if (type === messageSync) {
        const syncType = decoding.readVarUint(decoder);
        if (syncType === syncProtocol.messageYjsSyncStep1) {
          const reply = encoding.createEncoder();
          encoding.writeVarUint(reply, messageSync);
          syncProtocol.writeSyncStep2(reply, this.doc, decoding.readVarUint8Array(decoder));
          this.socket.send(encoding.toUint8Array(reply));
          return;
        }
        const update = decoding.readVarUint8Array(decoder);
        if (applyUpdates) Y.applyUpdate(this.doc, update, this);
        if (syncType === syncProtocol.messageYjsSyncStep2 && !this.synced) {
          this.syncPayload = update;
          this.synced = true;
          for (const resolve of this.syncedResolvers.splice(0)) resolve();
        } else {
          this.received++;
          this.onRemoteUpdate?.(update);
        }
      } else if (type === messageAwareness) {
        const update = decoding.readVarUint8Array(decoder);
        this.onAwareness?.(update);
      }
    });
  }

  /**
   * Opens the socket and completes the sync handshake; rejects if that takes longer than
   * `timeoutMs` or the socket closes first.
   */
  async connect(timeoutMs = 60_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`not synced after ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.handshake(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async handshake(): Promise<void> {
    await this.opened;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.socket.send(encoding.toUint8Array(encoder));
    if (!this.synced) await new Promise<void>((resolve) => this.syncedResolvers.push(resolve));
    if (!this.synced) throw new Error(`closed before sync (${this.closeCode})`);
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Closed, and not by us: the server dropped or refused this peer. */
  get failed(): boolean {
    return this.closeCode !== null && !this.closing;
  }

  /** Sends an already-encoded Yjs update (and applies it locally, as an editor would have). */
  sendUpdate(update: Uint8Array, applyLocally = true): void {
    if (applyLocally) Y.applyUpdate(this.doc, update, this);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeUpdate(encoder, update);
    this.socket.send(encoding.toUint8Array(encoder));
  }

  /** Publishes this client's presence (cursor position, name), as a caret move does. */
  sendAwareness(state: Record<string, unknown>): void {
    this.awareness.setLocalState(state);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageAwareness);
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.awareness.clientID]),
    );
    this.socket.send(encoding.toUint8Array(encoder));
  }

  /** Resolves once the server has read everything sent so far (it answers pings in order). */
  roundTrip(): Promise<void> {
    if (this.socket.readyState !== WebSocket.OPEN) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.socket.off('pong', done);
        this.socket.off('close', done);
        resolve();
      };
      this.socket.once('pong', done);
      this.socket.once('close', done);
      this.socket.ping();
    });
  }

  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }

  close(): Promise<void> {
    this.closing = true;
    this.awareness.destroy();
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      // A server that never answers the close handshake must not hold the bench up.
      const timer = setTimeout(() => this.socket.terminate(), 5_000);
      this.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.socket.close();
    });
  }
}
