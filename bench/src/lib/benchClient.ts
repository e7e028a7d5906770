import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';

/**
 * One simulated person's connection, whichever server it talks to: the y-websocket protocol
 * (`ProtocolClient`, for Draftroom and the baseline) or Hocuspocus' own provider
 * (`HocuspocusClient`). Scenarios only use this, so every server meets the same load.
 */
export interface BenchClientOptions {
  /** Apply received updates to `doc` (default true). A load generator that only counts skips it. */
  applyUpdates?: boolean;
  headers?: Record<string, string>;
  /** The Yjs clientID of `doc` (and of its awareness); random when absent. */
  clientId?: number;
}

export interface BenchClient {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly synced: boolean;
  /** What the server sent when this client joined (its whole document for a newcomer). */
  readonly syncPayload: Uint8Array | null;
  /** Updates received after the handshake. */
  readonly received: number;
  readonly errors: number;
  readonly closeCode: number | null;
  /** Closed, and not by us: the server dropped or refused this peer. */
  readonly failed: boolean;
  onRemoteUpdate: ((update: Uint8Array) => void) | null;
  onAwareness: ((update: Uint8Array) => void) | null;
  connect(timeoutMs?: number): Promise<void>;
  /** Sends a prepared Yjs update (Draftroom and the baseline: as is, without re-encoding). */
  sendUpdate(update: Uint8Array, applyLocally?: boolean): void;
  sendAwareness(state: Record<string, unknown>): void;
  /** Resolves once the server has read everything sent so far (where the protocol can tell). */
  roundTrip(): Promise<void>;
  close(): Promise<void>;
}
