import WebSocket from 'ws';

/**
 * A `ws` WebSocket class that sends a session cookie, for `WebsocketProvider`'s
 * `WebSocketPolyfill`: a browser sends the cookie by itself, Node clients must be told.
 */
export function cookieWebSocket(cookie: string): typeof globalThis.WebSocket {
  class WithCookie extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  return WithCookie as unknown as typeof globalThis.WebSocket;
}
