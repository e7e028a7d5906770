/**
 * y-websocket message types (first varint of every frame). The stock `y-websocket` client speaks
 * exactly these; anything else is refused with `closeCodes.unknownMessageType`.
 */
export const messageTypes = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;

/** Sync sub-messages (second varint of a `sync` frame), as defined by y-protocols/sync. */
export const syncMessageTypes = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;

/** Path prefix of the collaboration endpoint: `/collab/<documentId>`. */
export const collabPath = '/collab';

/** Name of the Y.XmlFragment that holds a guide's body (Tiptap's Collaboration default). */
export const guideFragmentName = 'default';

/** Bumped when client and server stop understanding each other; sent as a query parameter. */
export const protocolVersion = 1;
