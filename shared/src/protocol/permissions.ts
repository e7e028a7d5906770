/** What a connection may do with a document: edit it, or only follow along. */
export type Permission = 'write' | 'read';

/**
 * Draftroom's own message, from the server to a client only: what this connection may do from
 * now on, and why it changed (issue 11). Frame: the type (varuint), the permission and the reason
 * (two varstrings). A stock y-websocket client ignores it; a client that sends it is refused like
 * any other unknown type (`closeCodes.unknownMessageType`).
 */
export const permissionMessageType = 20;

/**
 * Why the server sends it: `current` when the connection opens (what it may do, nothing
 * changed), `role` when the person's role or group changed, `guide` when the guide itself did
 * (locked, unlocked, its group removed), `review` when the organisers published or reopened it.
 */
export const permissionChangeReasons = ['current', 'role', 'guide', 'review'] as const;
export type PermissionChangeReason = (typeof permissionChangeReasons)[number];

/**
 * Draftroom's own message, from the server to a client only: a comment thread of this guide
 * changed (issue 13). Frame: the type (varuint) and one varstring, JSON matching
 * `commentsLiveMessageSchema` (the thread as it is now). Like type 20 it goes only to clients that
 * name the protocol version, and a client that sends it is refused as an unknown type.
 */
export const commentsMessageType = 21;

/**
 * Draftroom's own message, from the server to a client only: whether this server can do all its
 * work right now (issue 14). Frame: the type (varuint) and one varstring, a `ServiceState`. Sent
 * when it changes, and on opening when it is not `live`; like types 20 and 21 only to clients that
 * name the protocol version.
 * - `live`: edits are stored and reach everyone at once;
 * - `relayDelayed`: this server has lost its link to the other servers (Redis): edits are stored
 *   and reach the people on this server, and those on other servers once the link is back;
 * - `storeUnavailable`: the database refuses writes: edits stay on the person's device and are
 *   sent again once it takes them (the connection closes with 1011 on each refused edit).
 */
export const serviceMessageType = 22;
export const serviceStates = ['live', 'relayDelayed', 'storeUnavailable'] as const;
export type ServiceState = (typeof serviceStates)[number];

/**
 * Draftroom's own message, from the server to a client only: the guide's dot votes changed
 * (issue 15). Frame: the type (varuint) and one varstring, JSON matching `guideDotVotesSchema`
 * (every vote of the guide as this connection's person may see them: their own dots, and the
 * totals of an open vote only if they run it). Like types 20–22 only to clients that name the
 * protocol version; a client that sends it is refused as an unknown type.
 */
export const dotVotesMessageType = 23;
