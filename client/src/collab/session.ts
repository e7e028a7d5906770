import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import {
  collabPath,
  commentsLiveMessageSchema,
  commentsMessageType,
  dotVotesMessageType,
  guideDotVotesSchema,
  permissionChangeReasons,
  permissionMessageType,
  serviceMessageType,
  serviceStates,
  protocolVersion,
} from '@draftroom/shared';
import type { CommentThread, GuideDotVotes, Identity, Role } from '@draftroom/shared';
import {
  connectionReducer,
  initialConnectionState,
  stopsReconnecting,
  type ConnectionEvent,
  type ConnectionState,
} from './connectionState.ts';
import { peopleFromAwareness, samePeople, type Person } from './presence.ts';

/** Same origin as the page, so cookies and the Origin check work in dev (proxy) and production. */
export function collabServerUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${collabPath}`;
}

function sameConnectionState(a: ConnectionState, b: ConnectionState): boolean {
  return (
    a.socket === b.socket &&
    a.everConnected === b.everConnected &&
    a.synced === b.synced &&
    a.online === b.online &&
    a.pending === b.pending &&
    a.problem === b.problem &&
    a.permission === b.permission &&
    a.service === b.service
  );
}

/**
 * One open guide: the Y.Doc, its offline copy in IndexedDB and the websocket provider, plus the
 * connection and presence snapshots the UI subscribes to (`useSyncExternalStore`). Created in an
 * effect and destroyed in its cleanup, so React StrictMode's double mount leaves nothing behind.
 */
export class CollabSession {
  readonly doc = new Y.Doc();
  readonly persistence: IndexeddbPersistence;
  readonly provider: WebsocketProvider;
  private connection: ConnectionState;
  private people: Person[] = [];
  /** The signed-in person, so their own devices make one entry in "Who is here". */
  private selfPersonId: string | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly incomingListeners = new Set<(update: Uint8Array) => void>();
  private readonly commentListeners = new Set<(thread: CommentThread) => void>();
  private readonly dotVoteListeners = new Set<(votes: GuideDotVotes) => void>();
  private readonly cleanups: (() => void)[] = [];
  private destroyed = false;
  private readonly connectTimer: ReturnType<typeof setTimeout>;

  constructor(readonly documentId: string) {
    this.connection = initialConnectionState(navigator.onLine);
    // IndexedDB first: a guide opened offline shows what this browser last saw of it.
    this.persistence = new IndexeddbPersistence(`draftroom:${documentId}`, this.doc);
    this.provider = new WebsocketProvider(collabServerUrl(window.location), documentId, this.doc, {
      connect: false, // listeners go on first, so no early status event is missed
      params: { v: String(protocolVersion) },
      // The stock rule stops on every 44xx code; ours stops only where retrying cannot help.
      shouldReconnect: (event) => !stopsReconnecting(event.code),
    });
    this.listen();
    // Connect on the next task: React StrictMode mounts, unmounts and remounts synchronously in
    // development, and a socket opened and closed at once only produces console noise.
    this.connectTimer = setTimeout(() => this.provider.connect(), 0);
  }

  /**
   * Calls `listener` with each change from the server (or another tab) just before it is applied
   * to the doc, so the editor can tell what the sender had seen of this person's typing.
   */
  onIncomingChange(listener: (update: Uint8Array) => void): () => void {
    this.incomingListeners.add(listener);
    return () => this.incomingListeners.delete(listener);
  }

  /** Calls `listener` with each comment thread of this guide the server says has changed. */
  onCommentThread(listener: (thread: CommentThread) => void): () => void {
    this.commentListeners.add(listener);
    return () => this.commentListeners.delete(listener);
  }

  /** The server's word that a comment thread changed, checked against the shared schema. */
  private hearCommentThreads(): void {
    this.provider.messageHandlers[commentsMessageType] = (_encoder, decoder) => {
      let thread: CommentThread;
      try {
        const text = decoding.readVarString(decoder);
        thread = commentsLiveMessageSchema.parse(JSON.parse(text)).thread;
      } catch (error) {
        // A newer server's shape, say: the panel keeps what it has and reloads on its next open.
        console.warn('Unreadable comments message', error);
        return;
      }
      for (const listener of this.commentListeners) listener(thread);
    };
  }

  /** Calls `listener` with the guide's dot votes (this person's cut) after every change. */
  onDotVotes(listener: (votes: GuideDotVotes) => void): () => void {
    this.dotVoteListeners.add(listener);
    return () => this.dotVoteListeners.delete(listener);
  }

  /** The server's word that the guide's dot votes changed, checked against the shared schema. */
  private hearDotVotes(): void {
    this.provider.messageHandlers[dotVotesMessageType] = (_encoder, decoder) => {
      let votes: GuideDotVotes;
      try {
        votes = guideDotVotesSchema.parse(JSON.parse(decoding.readVarString(decoder)));
      } catch (error) {
        // A newer server's shape, say: the panel keeps what it has.
        console.warn('Unreadable dot votes message', error);
        return;
      }
      for (const listener of this.dotVoteListeners) listener(votes);
    };
  }

  private watchIncomingChanges(): void {
    const messageSync = 0; // y-websocket's message type for the sync protocol
    const applySync = this.provider.messageHandlers[messageSync]!;
    this.provider.messageHandlers[messageSync] = (encoder, decoder, ...rest) => {
      const peek = decoding.clone(decoder);
      const kind = decoding.readVarUint(peek);
      if (kind === messageYjsSyncStep2 || kind === messageYjsUpdate) {
        const update = decoding.readVarUint8Array(peek);
        for (const listener of this.incomingListeners) {
          try {
            listener(update);
          } catch (error) {
            // A listener's fault must never keep a change from being applied.
            console.error(error);
          }
        }
      }
      applySync(encoder, decoder, ...rest);
    };
  }

  /** The server's word that this connection may now write or only read, and why. */
  private hearPermissionChanges(): void {
    this.provider.messageHandlers[permissionMessageType] = (_encoder, decoder) => {
      const permission = decoding.readVarString(decoder);
      const reason = decoding.readVarString(decoder);
      const known = permissionChangeReasons.find((candidate) => candidate === reason);
      if ((permission !== 'write' && permission !== 'read') || !known) {
        // From a newer server, say: the editor keeps what it had, the server still enforces.
        console.warn(`Unknown permission message: ${permission} (${reason})`);
        return;
      }
      this.dispatch({ type: 'permission', permission, reason: known });
    };
  }

  /** The server's word on whether it can do all its work (database, link to other servers). */
  private hearServiceState(): void {
    this.provider.messageHandlers[serviceMessageType] = (_encoder, decoder) => {
      const said = decoding.readVarString(decoder);
      const state = serviceStates.find((candidate) => candidate === said);
      if (!state) {
        console.warn(`Unknown service state: ${said}`);
        return;
      }
      this.dispatch({ type: 'service', state });
    };
  }

  private listen(): void {
    const { provider, doc, persistence } = this;
    this.watchIncomingChanges();
    this.hearPermissionChanges();
    this.hearServiceState();
    this.hearCommentThreads();
    this.hearDotVotes();
    const on = <T extends unknown[]>(
      subscribe: (handler: (...args: T) => void) => void,
      unsubscribe: (handler: (...args: T) => void) => void,
      handler: (...args: T) => void,
    ) => {
      subscribe(handler);
      this.cleanups.push(() => unsubscribe(handler));
    };

    on<[{ status: ConnectionState['socket'] }]>(
      (h) => provider.on('status', h),
      (h) => provider.off('status', h),
      ({ status }) => this.dispatch({ type: 'status', status }),
    );
    on<[boolean]>(
      (h) => provider.on('sync', h),
      (h) => provider.off('sync', h),
      (synced) => this.dispatch({ type: 'sync', synced }),
    );
    on<[CloseEvent | null]>(
      (h) => provider.on('connection-close', h),
      (h) => provider.off('connection-close', h),
      // `null` means we closed it ourselves (disconnect or watchdog): nothing to report.
      (event) => {
        if (event) this.dispatch({ type: 'closed', code: event.code });
      },
    );
    on<[]>(
      (h) => provider.on('closed', h),
      (h) => provider.off('closed', h),
      // Also stop the cross-tab channel: a refused connection should not keep syncing.
      () => provider.disconnect(),
    );
    on<[Uint8Array, unknown]>(
      (h) => doc.on('update', h),
      (h) => doc.off('update', h),
      (update, origin) => {
        // Changes from the server or from this browser's offline copy are not local edits.
        if (origin === provider || origin === persistence) return;
        this.dispatch({ type: 'localUpdate', bytes: update.byteLength });
      },
    );
    on<[]>(
      (h) => provider.awareness.on('change', h),
      (h) => provider.awareness.off('change', h),
      () => this.refreshPeople(),
    );
    const online = () => {
      this.dispatch({ type: 'online', online: true });
      // Try at once rather than waiting out the reconnect backoff; a stopped session stays stopped.
      if (provider.shouldConnect && !provider.wsconnected) {
        provider.disconnect();
        provider.connect();
      }
    };
    const offline = () => {
      this.dispatch({ type: 'online', online: false });
      // The browser knows before the socket does (a dead connection can take 30 s to notice):
      // drop it now so "synced" and the unsynced count are honest. y-websocket keeps retrying.
      provider.ws?.close();
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    this.cleanups.push(() => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    });
  }

  private dispatch(event: ConnectionEvent): void {
    const next = connectionReducer(this.connection, event);
    if (sameConnectionState(next, this.connection)) return;
    this.connection = next;
    this.notify();
  }

  private refreshPeople(): void {
    const next = peopleFromAwareness(
      this.provider.awareness.getStates(),
      this.doc.clientID,
      undefined,
      this.selfPersonId,
    );
    if (samePeople(next, this.people)) return;
    this.people = next;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getConnection = (): ConnectionState => this.connection;
  readonly getPeople = (): Person[] => this.people;

  /**
   * What peers see of us; `user` is the awareness field CollaborationCaret reads. The server
   * replaces it with its own record (and a colour free in this guide); `self` lets this browser
   * group its own entry with the person's other devices.
   */
  setUser(user: Identity, self?: { id: string; role: Role }): void {
    this.selfPersonId = self?.id;
    this.provider.awareness.setLocalStateField('user', {
      name: user.name,
      color: user.color,
      ...(self ?? {}),
    });
    this.refreshPeople();
  }

  /** After a stop (refused, too large): the person fixed the cause and asks to reconnect. */
  retry(): void {
    this.dispatch({ type: 'retry' });
    this.provider.connect();
  }

  /**
   * Throws away every change this browser has not delivered (the offline copy included) so the
   * guide can be reloaded from the server. The way out when a change is too large to ever send:
   * undo alone does not shrink what must be sent, as Yjs keeps undone content for redo.
   */
  async discardUnsentChanges(): Promise<void> {
    this.provider.disconnect();
    // Deleting the database waits for other tabs on the same guide to close it: do not hang.
    const gaveUp = new Promise((resolve) => setTimeout(resolve, 3000));
    await Promise.race([this.persistence.clearData(), gaveUp]);
    this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.connectTimer);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.listeners.clear();
    // Disconnecting first tells peers we left (an empty awareness state goes out).
    this.provider.destroy();
    this.provider.awareness.destroy();
    void this.persistence.destroy();
    this.doc.destroy();
  }
}
