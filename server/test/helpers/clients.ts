import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { apiPath, presenceUserOf, type Me, type PresenceUser } from '@draftroom/shared';
import { cookieWebSocket, guideText, readGuideText, type ApiClient } from '../../testing/index.ts';

/** Where to connect, and whose session cookie to send (a TestServer or ChildServer has both). */
export interface CollabTarget {
  wsUrl: string;
  cookie: string;
}

/**
 * An honest peer: the stock y-websocket provider, exactly as browsers use it, over `ws`.
 * `text` is the guide paragraph that test peers share (see testing/guideText.ts): writing to it
 * sends an update; `content()` reads it without writing anything (for readers).
 */
export interface HonestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  readonly text: Y.XmlText;
  content(): string;
  closeEvents: number[];
  destroy(): void;
}

export function connectClient(
  target: CollabTarget,
  documentId: string,
  /** `params`: query parameters, e.g. `v` to connect as Draftroom's own client does. */
  options: { connect?: boolean; params?: Record<string, string> } = {},
): HonestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(target.wsUrl, documentId, doc, {
    WebSocketPolyfill: cookieWebSocket(target.cookie),
    connect: options.connect ?? true,
    params: options.params ?? {},
    disableBc: true,
    maxBackoffTime: 200,
  });
  const closeEvents: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeEvents.push(event.code);
  });
  return {
    doc,
    provider,
    get text() {
      return guideText(doc);
    },
    content: () => readGuideText(doc),
    closeEvents,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function whenSynced(client: HonestClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (synced: boolean) => {
      if (!synced) return;
      client.provider.off('sync', onSync);
      resolve();
    };
    client.provider.on('sync', onSync);
  });
}

/** A raw websocket for sending frames an honest client never would. */
export function openRawSocket(
  target: CollabTarget,
  documentId: string,
  headers: Record<string, string> = {},
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${target.wsUrl}/${documentId}`, {
      headers: { cookie: target.cookie, ...headers },
    });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`upgrade refused with HTTP ${response.statusCode}`)),
    );
  });
}

export function whenClosed(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) resolve({ code: 1006, reason: '' });
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}

/** How the server shows this signed-in person to others in a guide (name and colour on file). */
export async function serverIdentity(person: ApiClient): Promise<PresenceUser> {
  return presenceUserOf((await person.expect<Me>(200, 'GET', apiPath('me'))).person);
}

/**
 * Waits until the server has dealt with everything sent: either it closes the socket (its code)
 * or it answers a ping (0: still open, the frames were accepted or wait), then closes our side.
 */
export function settle(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    const done = (code: number) => {
      socket.removeAllListeners('pong');
      if (socket.readyState === socket.OPEN) socket.close();
      resolve(code);
    };
    socket.once('close', (code) => done(code));
    socket.once('pong', () => done(0));
    if (socket.readyState === socket.OPEN) socket.ping();
  });
}
