import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { closeCodes, limits, type ServiceState } from '@draftroom/shared';
import { clientAddress, compileTrust } from '../lib/clientAddress.ts';
import { closeCodeOf, httpStatusOf } from '../lib/domainError.ts';
import type { Logger } from '../lib/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { DocumentStore } from '../persistence/index.ts';
import { sessionTokenFrom } from '../lib/sessionToken.ts';
import type { AccessChange } from '../services/access/accessEvents.ts';
import type { EventBus } from '../services/events/eventBus.ts';
import type { AccessDecision, DocumentAccess } from '../services/access/documentAccess.ts';
import { concerns, recheckAccess, refusalReason } from './accessRecheck.ts';
import { CollabConnection } from './connection.ts';
import { PersistQueue } from './persistQueue.ts';
import {
  decodeClientMessage,
  encodeCommentsMessage,
  encodeServiceMessage,
  ProtocolError,
} from './protocol.ts';
import { ConnectionsPerAddress, MessageRateLimiter } from './limits.ts';
import { DocumentHost } from './documentHost.ts';
import { HookList } from './documentHooks.ts';
import { RoomRegistry } from './roomRegistry.ts';
import type { Room } from './room.ts';
import { noRelay, type DocumentRelay } from './relay/documentRelay.ts';
import { validateUpdate } from './validation/validateUpdate.ts';
import {
  assertOriginAllowed,
  documentIdFromUpgrade,
  speaksDraftroomProtocol,
  refuseUpgrade,
  UpgradeRefusal,
} from './upgrade.ts';

export interface CollabServerOptions {
  store: DocumentStore;
  access: DocumentAccess;
  /** Announcements that someone's access changed; their open sockets are checked again. */
  events: EventBus;
  metrics: Metrics;
  logger: Logger;
  allowedOrigins: readonly string[];
  /**
   * The client an upgrade counts against for the per-address cap (`lib/clientAddress.ts`, bound
   * to TRUST_PROXY). Without it no proxy is trusted: the socket's peer is the client.
   */
  clientAddress?(request: IncomingMessage): string;
  compactAfterUpdates: number;
  compactAfterBytes: number;
  idleUnloadMs: number;
  keepaliveMs: number;
  limits: CollabLimits;
  /** The gate in front of storage; replaceable only so tests can reach the defences behind it. */
  validateUpdate?: typeof validateUpdate;
  /** The other instances serving the same guides (REDIS_URL); none by default. */
  relay?: DocumentRelay;
}

const trustNoProxy = compileTrust(false);

export interface CollabLimits {
  messagesPerSecond: number;
  messageBurst: number;
  connectionsPerIp: number;
  documentBytes: number;
  documentItems: number;
}

/**
 * The y-websocket endpoint: upgrade checks, one CollabConnection per socket, keepalive, and
 * graceful shutdown. Document logic lives in Room; this file only routes frames to it.
 */
export class CollabServer {
  readonly persistQueue: PersistQueue;
  readonly rooms: RoomRegistry;
  /** The server's own reads and changes of guides (templates, restores, locks, versions…). */
  readonly documents: DocumentHost;
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<CollabConnection>();
  private readonly perAddress: ConnectionsPerAddress;
  private readonly keepaliveTimer: NodeJS.Timeout;
  private readonly log: Logger;
  private closing = false;
  /**
   * Access changes announced so far. An upgrade decided while one arrives was not among the
   * sockets it checked (it had none yet), so it is decided again once accepted.
   */
  private accessChanges = 0;
  /** What this server can do now, as its connections are told (`serviceMessageType`). */
  private service: ServiceState = 'live';
  private readonly unsubscribe: () => void;

  constructor(private readonly options: CollabServerOptions) {
    this.log = options.logger.child({ category: 'collab' });
    this.perAddress = new ConnectionsPerAddress(options.limits.connectionsPerIp);
    this.persistQueue = new PersistQueue(options.store, options.metrics);
    const hooks = new HookList(this.log);
    this.rooms = new RoomRegistry(
      {
        store: options.store,
        persistQueue: this.persistQueue,
        metrics: options.metrics,
        logger: this.log,
        compactAfterUpdates: options.compactAfterUpdates,
        compactAfterBytes: options.compactAfterBytes,
        limits: {
          maxDocumentBytes: options.limits.documentBytes,
          maxDocumentItems: options.limits.documentItems,
        },
        validateUpdate: options.validateUpdate ?? validateUpdate,
        hooks,
        relay: options.relay ?? noRelay,
      },
      options.idleUnloadMs,
      options.metrics,
      this.log,
    );
    this.documents = new DocumentHost(this.rooms, hooks);
    // maxPayload makes `ws` close oversize frames itself with 1009 (closeCodes.messageTooLarge).
    this.wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
    this.keepaliveTimer = setInterval(() => this.checkKeepalive(), options.keepaliveMs);
    this.keepaliveTimer.unref();
    const unsubscribes = [
      options.events.subscribe('access', (change) => {
        void this.applyAccessChange(change);
      }),
      // A lock is a change of the guide itself: every socket on it is decided again.
      options.events.subscribe('guideLock', ({ guideIds }) => {
        void this.applyAccessChange({ kind: 'documents', documentIds: guideIds });
      }),
      // So is a review move (a published guide is read-only for all but the organisers).
      options.events.subscribe('guideReview', ({ guideId }) => {
        void this.applyAccessChange({ kind: 'documents', documentIds: [guideId] }, 'review');
      }),
      // Whoever has the guide open may read its comments: each of its sockets gets the thread.
      options.events.subscribe('guideComments', ({ guideId, thread }) => {
        this.sendComments(guideId, encodeCommentsMessage({ thread }));
      }),
    ];
    this.unsubscribe = () => unsubscribes.forEach((unsubscribe) => unsubscribe());
  }

  attach(server: HttpServer): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      void this.handleUpgrade(request, socket, head);
    });
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** The people with this guide open now, by name, each once (the facilitator's console). */
  namesOn(documentId: string): string[] {
    const names = new Map<string, string>();
    for (const connection of this.connections) {
      if (connection.documentId !== documentId || connection.closed) continue;
      names.set(connection.signIn.personId, connection.presenceUser.name);
    }
    return [...names.values()].sort((a, b) => a.localeCompare(b));
  }

  /** Closes every connection (clients reconnect elsewhere), stores everything, unloads. */
  async close(): Promise<void> {
    this.closing = true;
    this.unsubscribe();
    clearInterval(this.keepaliveTimer);
    for (const connection of this.connections) {
      connection.close(closeCodes.goingAway, 'server shutting down');
    }
    await this.persistQueue.drain();
    await this.rooms.unloadAll();
    this.wss.close();
  }

  private async handleUpgrade(
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
  ): Promise<void> {
    socket.on('error', () => socket.destroy());
    const address = this.options.clientAddress?.(request) ?? clientAddress(request, trustNoProxy);
    let documentId: string;
    let decision: AccessDecision;
    const changesBefore = this.accessChanges;
    try {
      if (this.closing)
        throw new UpgradeRefusal(503, 'shutting_down', 'Server is restarting; retry.');
      documentId = documentIdFromUpgrade(request);
      assertOriginAllowed(request, this.options.allowedOrigins);
      decision = await this.options.access.authorize(sessionTokenFrom(request), documentId);
      if (!decision.granted && decision.refusal === 'not_found') {
        throw new UpgradeRefusal(httpStatusOf('not_found'), 'not_found', 'No guide has this id.');
      }
      if (!this.perAddress.acquire(address)) {
        this.options.metrics.rejectedMessages.inc({ reason: 'too_many_connections' });
        throw new UpgradeRefusal(
          429,
          'too_many_connections',
          'Too many open connections from your network; close some tabs and try again.',
        );
      }
    } catch (error) {
      if (!(error instanceof UpgradeRefusal)) {
        this.log.error({ err: error }, 'upgrade failed');
        refuseUpgrade(socket, new UpgradeRefusal(503, 'internal_error', 'Try again shortly.'));
        return;
      }
      refuseUpgrade(socket, error);
      return;
    }
    let upgraded = false;
    // If the socket dies during the handshake, `accept` never runs: give the slot back here.
    socket.once('close', () => {
      if (!upgraded) this.perAddress.release(address);
    });
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      upgraded = true;
      if (!decision.granted) {
        // Refused after the handshake, with a close code, because a browser cannot read the
        // status of a refused upgrade: this way the page can say why and stop retrying.
        this.options.metrics.rejectedMessages.inc({ reason: decision.refusal });
        ws.once('close', () => this.perAddress.release(address));
        ws.close(closeCodeOf(decision.refusal), refusalReason(decision.refusal));
        return;
      }
      this.accept(ws, socket, documentId, decision, address, speaksDraftroomProtocol(request));
      if (this.accessChanges !== changesBefore) {
        void this.applyAccessChange({
          kind: 'signIns',
          authSessionIds: [decision.signIn.authSessionId],
        });
      }
    });
  }

  private accept(
    ws: WebSocket,
    transport: Duplex,
    documentId: string,
    decision: AccessDecision & { granted: true },
    address: string,
    hearsPermission: boolean,
  ): void {
    const connection = new CollabConnection(
      ws,
      documentId,
      decision.permission,
      decision.signIn,
      address,
      decision.identity,
      transport,
    );
    const rate = new MessageRateLimiter(
      this.options.limits.messagesPerSecond,
      this.options.limits.messageBurst,
    );
    this.connections.add(connection);
    this.options.metrics.connections.set(this.connections.size);
    // What this connection may do, first thing: the page may have been loaded before a change
    // (a role changed while it was offline), and the server's word is the one that counts.
    connection.hearsPermission = hearsPermission;
    connection.tellPermission('current');
    if (this.service !== 'live' && hearsPermission)
      connection.send(encodeServiceMessage(this.service));
    const room = this.rooms.join(documentId, connection);

    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (connection.closed) return;
      const handled = connection.receive(() =>
        this.handleFrame(connection, room, rate, data, isBinary),
      );
      if (!handled) {
        this.reject(
          connection,
          new ProtocolError(
            'rate_limited',
            closeCodes.rateLimited,
            'Too many messages while held.',
          ),
        );
      }
    });
    ws.on('error', (error: Error & { code?: string }) => {
      // `ws` reports oversize frames here before closing with 1009.
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        this.options.metrics.rejectedMessages.inc({ reason: 'too_large' });
      }
      this.log.debug({ err: error, documentId }, 'websocket error');
    });
    ws.on('close', () => {
      connection.closed = true;
      this.perAddress.release(address);
      this.connections.delete(connection);
      this.options.metrics.connections.set(this.connections.size);
      this.rooms.leave(room, connection);
    });
  }

  /**
   * The database refuses writes, or the link to the other instances is lost or back: every
   * Draftroom client here is told, so its connection state says what happens to its edits.
   */
  setServiceState(state: ServiceState): void {
    if (state === this.service) return;
    this.service = state;
    this.log.info({ state }, 'service state changed');
    const frame = encodeServiceMessage(state);
    for (const connection of this.connections) {
      if (connection.hearsPermission) connection.send(frame);
    }
  }

  /**
   * The Draftroom clients on a guide now (those that named the protocol version), with the
   * person each is signed in as: for features that send every socket its own person's cut
   * (`dotVoteFeed.ts`).
   */
  listenersOn(guideId: string): Array<{ personId: string; send: (frame: Uint8Array) => void }> {
    const listeners: Array<{ personId: string; send: (frame: Uint8Array) => void }> = [];
    for (const connection of this.connections) {
      if (connection.documentId !== guideId || !connection.hearsPermission || connection.closed) {
        continue;
      }
      listeners.push({
        personId: connection.signIn.personId,
        send: (frame) => connection.send(frame),
      });
    }
    return listeners;
  }

  /**
   * A changed comment thread, to the guide's open sockets. Only Draftroom's own client (one that
   * named the protocol version) is sent it, so a stock y-websocket client never meets the type.
   */
  private sendComments(guideId: string, frame: Uint8Array): void {
    for (const connection of this.connections) {
      if (connection.documentId === guideId && connection.hearsPermission) connection.send(frame);
    }
  }

  /** One frame from a connection: its rate, its kind, then its room; bad input closes only it. */
  private handleFrame(
    connection: CollabConnection,
    room: Room,
    rate: MessageRateLimiter,
    data: RawData,
    isBinary: boolean,
  ): void {
    if (connection.closed) return;
    try {
      if (!rate.take()) {
        throw new ProtocolError(
          'rate_limited',
          closeCodes.rateLimited,
          'Too many messages per second on this connection.',
        );
      }
      if (!isBinary) {
        throw new ProtocolError(
          'malformed',
          closeCodes.malformedMessage,
          'Text frames are not part of the protocol.',
        );
      }
      room.handleMessage(connection, decodeClientMessage(toBytes(data)));
    } catch (error) {
      this.reject(connection, error);
    }
  }

  private reject(connection: CollabConnection, error: unknown): void {
    if (error instanceof ProtocolError) {
      this.options.metrics.rejectedMessages.inc({ reason: error.reason });
      this.log.info(
        {
          documentId: connection.documentId,
          reason: error.reason,
          address: connection.remoteAddress,
        },
        error.message,
      );
      connection.close(error.closeCode, error.message);
      return;
    }
    this.log.error({ err: error, documentId: connection.documentId }, 'message handling failed');
    connection.close(closeCodes.internalError, 'internal error');
  }

  /**
   * Someone's access changed (removed from a group, new role, sign-in revoked): their open
   * sockets are decided again (`accessRecheck.ts`).
   */
  private async applyAccessChange(
    change: AccessChange,
    /** What a changed guide's sockets are told (`guide`: a lock; `review`: a review move). */
    guideReason: 'guide' | 'review' = 'guide',
  ): Promise<void> {
    this.accessChanges += 1;
    await recheckAccess(
      [...this.connections].filter((connection) => concerns(change, connection)),
      {
        reason: change.kind === 'documents' ? guideReason : 'role',
        access: this.options.access,
        metrics: this.options.metrics,
        log: this.log,
      },
    );
  }

  /**
   * Every open socket decided again: when access changes announced meanwhile may have been
   * missed (the event bus lost Redis for a while and could not replay everything).
   */
  async recheckEveryone(): Promise<void> {
    this.accessChanges += 1;
    await recheckAccess([...this.connections], {
      reason: 'role',
      access: this.options.access,
      metrics: this.options.metrics,
      log: this.log,
    });
  }

  private checkKeepalive(): void {
    for (const connection of this.connections) {
      if (!connection.isAlive) {
        // A peer that stopped answering pings is gone; the close frame is best effort.
        this.options.metrics.rejectedMessages.inc({ reason: 'keepalive' });
        connection.close(closeCodes.keepaliveTimeout, 'no answer to keepalive ping');
        connection.terminate();
        continue;
      }
      connection.isAlive = false;
      connection.socket.ping();
    }
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
