import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';

const messageSync = 0;
const messageAwareness = 1;

/**
 * A headless peer speaking the y-websocket protocol with y-protocols directly (what the stock
 * provider does, minus reconnection), instrumented for benchmarks: it can send prepared updates
 * without re-encoding them and calls back on every update and awareness frame it receives.
 */
export class ProtocolClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  synced = false;
  received = 0;
  closeCode: number | null = null;
  onRemoteUpdate: ((update: Uint8Array) => void) | null = null;
  onAwareness: ((update: Uint8Array) => void) | null = null;
  private readonly socket: WebSocket;
  private readonly opened: Promise<void>;
  private syncedResolvers: Array<() => void> = [];

  constructor(
    url: string,
    options: { applyUpdates?: boolean; headers?: Record<string, string> } = {},
  ) {
    const applyUpdates = options.applyUpdates ?? true;
    this.socket = new WebSocket(url, { headers: options.headers, perMessageDeflate: false });
    this.socket.binaryType = 'nodebuffer';
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
    this.socket.on('close', (code) => (this.closeCode = code));
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
        if (syncType === syncProtocol.messageYjsSyncStep2) {
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

  /** Opens the socket and completes the sync handshake. */
  async connect(): Promise<void> {
    await this.opened;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.socket.send(encoding.toUint8Array(encoder));
    if (!this.synced) await new Promise<void>((resolve) => this.syncedResolvers.push(resolve));
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
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]),
    );
    this.socket.send(encoding.toUint8Array(encoder));
  }

  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }

  close(): Promise<void> {
    this.awareness.destroy();
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}
