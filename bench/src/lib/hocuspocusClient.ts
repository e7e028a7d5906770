import WebSocket from 'ws';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { BenchClient, BenchClientOptions } from './benchClient.ts';

/**
 * A simulated person on Hocuspocus, driven by its own provider (`@hocuspocus/provider`): its
 * protocol prefixes every message with the document name, so the y-websocket client cannot talk
 * to it. The provider always applies what it receives to its Y.Doc (the bench's other client can
 * skip that); prepared updates go out through its own send path, as the y-websocket client's do.
 */
export class HocuspocusClient implements BenchClient {
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  synced = false;
  syncPayload: Uint8Array | null = null;
  received = 0;
  errors = 0;
  closeCode: number | null = null;
  /** The reason Hocuspocus gave for refusing this peer, if it did. */
  denied: string | null = null;
  onRemoteUpdate: ((update: Uint8Array) => void) | null = null;
  onAwareness: ((update: Uint8Array) => void) | null = null;
  private closing = false;
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly provider: HocuspocusProvider;
  private readonly syncedResolvers: Array<() => void> = [];

  constructor(url: string, documentName: string, options: BenchClientOptions = {}) {
    if (options.clientId !== undefined) this.doc.clientID = options.clientId;
    this.socket = new HocuspocusProviderWebsocket({
      url,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      // A refused or dropped peer is a failure to count, not one to hide by reconnecting.
      maxAttempts: 1,
      // The provider closes a socket on which nothing arrived for this long (default 30 s). A
      // bench peer that only listens (the join storm's observer) can be silent that long on a
      // loaded machine, and its own watchdog closing it (1005) is not the server's failure.
      messageReconnectTimeout: 10 * 60_000,
      // Runs before the socket's own close handler, which would otherwise try again after any
      // close (maxAttempts bounds only one connect call): a dropped peer stays dropped, and no
      // attempt outlives the server it was aimed at.
      onClose: () => {
        this.socket.shouldConnect = false;
      },
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: documentName,
      document: this.doc,
    });
    this.provider.attach();
    this.awareness = this.provider.awareness as awarenessProtocol.Awareness;
    this.provider.on('synced', () => {
      if (this.synced) return;
      this.synced = true;
      this.syncPayload = Y.encodeStateAsUpdate(this.doc);
      for (const resolve of this.syncedResolvers.splice(0)) resolve();
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this.provider || !this.synced) return;
      this.received++;
      this.onRemoteUpdate?.(update);
    });
    this.awareness.on(
      'update',
      (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        if (origin === 'local') return;
        const changed = [...change.added, ...change.updated, ...change.removed];
        this.onAwareness?.(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      },
    );
    this.socket.on('close', ({ event }: { event: { code: number } }) => {
      this.closeCode ??= event.code;
      for (const resolve of this.syncedResolvers.splice(0)) resolve();
    });
    this.socket.on('disconnect', () => this.errors++);
    // Refused by the server (Hocuspocus answers "permission-denied" when it cannot open the
    // document): say so at once rather than waiting out the connect timeout.
    this.provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      this.denied = reason;
      for (const resolve of this.syncedResolvers.splice(0)) resolve();
    });
  }

  get failed(): boolean {
    return (this.closeCode !== null || this.denied !== null) && !this.closing;
  }

  async connect(timeoutMs = 60_000): Promise<void> {
    if (this.synced) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.syncedResolvers.push(resolve)),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`not synced after ${timeoutMs} ms`)), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    if (this.denied !== null) throw new Error(`refused by the server (${this.denied})`);
    if (!this.synced) throw new Error(`closed before sync (${this.closeCode})`);
  }

  /**
   * Sends a prepared update through the provider's own send path (as if its doc had just
   * produced it), then applies it locally as the provider's own, so it is not sent twice. Sending
   * by applying would hold back an update whose dependencies this client lacks (Yjs keeps it
   * pending and emits nothing), which the y-websocket client sends regardless.
   */
  sendUpdate(update: Uint8Array, applyLocally = true): void {
    this.provider.documentUpdateHandler(update, null);
    if (applyLocally) Y.applyUpdate(this.doc, update, this.provider);
  }

  sendAwareness(state: Record<string, unknown>): void {
    this.awareness.setLocalState(state);
  }

  /** Hocuspocus has no ping the bench can await; the provider's queue is flushed at once. */
  async roundTrip(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  async close(): Promise<void> {
    this.closing = true;
    this.provider.destroy();
    this.socket.destroy();
  }
}
