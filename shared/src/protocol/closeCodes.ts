/**
 * Websocket close codes used by the collaboration endpoint. 1000–1015 are standard; 4000–4999
 * are ours. The client reads these to decide whether to reconnect and what to tell the person.
 */
export const closeCodes = {
  /** Server is shutting down or restarting; reconnect. */
  goingAway: 1001,
  /** The server failed to store an edit; nothing was lost on the client, which resends on reconnect. */
  internalError: 1011,
  /** Message larger than `limits.maxMessageBytes` (sent by `ws` itself when `maxPayload` is exceeded). */
  messageTooLarge: 1009,
  /** The frame could not be decoded as a y-websocket message (bad varint, truncated, not binary). */
  malformedMessage: 4400,
  /** No valid session (reserved for people and roles). */
  unauthenticated: 4401,
  /** The person may not open this document, or lost access while connected. */
  forbidden: 4403,
  /** The document has reached `limits.maxDocumentBytes`; the edit was not stored. */
  documentTooLarge: 4413,
  /** The message type is not one the protocol defines. */
  unknownMessageType: 4415,
  /** A Yjs update or awareness update failed to decode or apply. */
  invalidUpdate: 4422,
  /** Too many messages per second on this connection. */
  rateLimited: 4429,
  /** The document could not be loaded from storage; nothing was served. */
  documentLoadFailed: 4500,
  /** The server missed keepalive answers from this connection. */
  keepaliveTimeout: 4408,
} as const;

export type CloseCodeName = keyof typeof closeCodes;
export type CloseCode = (typeof closeCodes)[CloseCodeName];

/** Codes after which reconnecting with the same request cannot succeed. */
const fatalCloseCodes: ReadonlySet<number> = new Set([
  // The same document state would be resent on reconnect and refused again, in a loop.
  closeCodes.malformedMessage,
  closeCodes.invalidUpdate,
  closeCodes.unauthenticated,
  closeCodes.forbidden,
  closeCodes.unknownMessageType,
  closeCodes.documentTooLarge,
]);

export function isFatalCloseCode(code: number): boolean {
  return fatalCloseCodes.has(code);
}

export function closeCodeName(code: number): CloseCodeName | undefined {
  return (Object.keys(closeCodes) as CloseCodeName[]).find((name) => closeCodes[name] === code);
}
