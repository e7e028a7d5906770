import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import {
  closeCodes,
  commentsMessageType,
  dotVotesMessageType,
  limits,
  messageTypes,
  permissionMessageType,
  serviceMessageType,
  type ServiceState,
  syncMessageTypes,
} from '@draftroom/shared';
import type {
  CommentsLiveMessage,
  GuideDotVotes,
  Permission,
  PermissionChangeReason,
} from '@draftroom/shared';
import type { DecodedUpdate } from './validation/validateUpdate.ts';

/**
 * Decoding of client frames into a typed union, and encoding of server frames. Everything a
 * client sends passes through `decodeClientMessage` before it can touch a document: a frame that
 * is not exactly one well-formed message becomes a ProtocolError carrying the close code.
 */
export type ClientMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array; decoded: DecodedUpdate }
  | { kind: 'awareness'; entries: AwarenessEntry[] }
  | { kind: 'queryAwareness' }
  | { kind: 'auth' };

/** One client's presence in an awareness message: `state` is parsed JSON, null when it leaves. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

export type ProtocolErrorReason =
  | 'malformed'
  | 'unknown_type'
  | 'invalid_update'
  | 'invalid_presence'
  | 'rate_limited'
  | 'document_too_large';

export class ProtocolError extends Error {
  constructor(
    readonly reason: ProtocolErrorReason,
    readonly closeCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

const malformed = (message: string) =>
  new ProtocolError('malformed', closeCodes.malformedMessage, message);

export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  let message: ClientMessage;
  try {
    message = readMessage(decoder);
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw malformed(`Frame could not be decoded: ${(error as Error).message}`);
  }
  if (decoding.hasContent(decoder)) throw malformed('Frame has trailing bytes after the message.');
  return message;
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case messageTypes.sync:
      return readSyncMessage(decoder);
    case messageTypes.awareness: {
      const update = decoding.readVarUint8Array(decoder);
      return { kind: 'awareness', entries: readAwarenessEntries(update) };
    }
    case messageTypes.queryAwareness:
      return { kind: 'queryAwareness' };
    case messageTypes.auth:
      // Auth messages flow server → client only; a client's is read and ignored.
      decoding.readVarUint(decoder);
      if (decoding.hasContent(decoder)) decoding.readVarString(decoder);
      return { kind: 'auth' };
    default:
      throw new ProtocolError(
        'unknown_type',
        closeCodes.unknownMessageType,
        `Unknown message type ${type}.`,
      );
  }
}

function readSyncMessage(decoder: decoding.Decoder): ClientMessage {
  const syncType = decoding.readVarUint(decoder);
  if (syncType === syncMessageTypes.step1) {
    const stateVector = decoding.readVarUint8Array(decoder);
    assertStateVector(stateVector);
    return { kind: 'syncStep1', stateVector };
  }
  if (syncType === syncMessageTypes.step2 || syncType === syncMessageTypes.update) {
    const update = decoding.readVarUint8Array(decoder);
    return { kind: 'update', update, decoded: decodeUpdate(update) };
  }
  throw new ProtocolError(
    'unknown_type',
    closeCodes.unknownMessageType,
    `Unknown sync message type ${syncType}.`,
  );
}

const invalidUpdate = (what: string, error: unknown) =>
  new ProtocolError(
    'invalid_update',
    closeCodes.invalidUpdate,
    `${what} does not decode: ${(error as Error).message}`,
  );

/**
 * Decodes (without applying) a Yjs v1 update into its structs and deleted ranges, for the
 * validator; throws if it is not well formed.
 */
function decodeUpdate(update: Uint8Array): DecodedUpdate {
  try {
    return Y.decodeUpdate(update);
  } catch (error) {
    throw invalidUpdate('Update', error);
  }
}

function assertStateVector(stateVector: Uint8Array): void {
  try {
    Y.decodeStateVector(stateVector);
  } catch (error) {
    throw invalidUpdate('State vector', error);
  }
}

const invalidPresence = (message: string) =>
  new ProtocolError('invalid_presence', closeCodes.invalidUpdate, message);

/**
 * An awareness update is a list of (client id, clock, JSON state) entries. It is parsed here and
 * its size checked, before presence decides which entry this connection may publish. Honest
 * clients send their own entry, and also echo the others' entries they receive (y-websocket
 * forwards every awareness change), so several entries are normal; thousands are not.
 */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const entries: AwarenessEntry[] = [];
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > limits.maxPresenceEntries) {
      throw invalidPresence(`Presence for ${count} clients in one message.`);
    }
    for (let index = 0; index < count; index++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      if (Buffer.byteLength(json) > limits.maxPresenceBytes) {
        throw invalidPresence(`Presence state over ${limits.maxPresenceBytes} bytes.`);
      }
      entries.push({ clientId, clock, state: JSON.parse(json) as unknown });
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw invalidUpdate('Awareness update', error);
  }
  return entries;
}

/** An update that carries no structs and no deletions (what an idle client's step 2 is). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageTypes.sync);
  encoding.writeVarUint(encoder, syncMessageTypes.step1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageTypes.sync);
  encoding.writeVarUint(encoder, syncMessageTypes.step2);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, stateVector));
  return encoding.toUint8Array(encoder);
}

export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageTypes.sync);
  encoding.writeVarUint(encoder, syncMessageTypes.update);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Tells a client what its connection may do now, and why that changed (permissions.ts). */
export function encodePermissionMessage(
  permission: Permission,
  reason: PermissionChangeReason,
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, permissionMessageType);
  encoding.writeVarString(encoder, permission);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

/** Sends a guide's socket a comment thread as it is now (`commentsMessageType`, JSON). */
export function encodeCommentsMessage(message: CommentsLiveMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, commentsMessageType);
  encoding.writeVarString(encoder, JSON.stringify(message));
  return encoding.toUint8Array(encoder);
}

/** Sends a guide's socket its person's cut of the guide's dot votes (`dotVotesMessageType`, JSON). */
export function encodeDotVotesMessage(message: GuideDotVotes): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, dotVotesMessageType);
  encoding.writeVarString(encoder, JSON.stringify(message));
  return encoding.toUint8Array(encoder);
}

/** Tells a client whether this server can do all its work now (`serviceMessageType`). */
export function encodeServiceMessage(state: ServiceState): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, serviceMessageType);
  encoding.writeVarString(encoder, state);
  return encoding.toUint8Array(encoder);
}

export function encodeAwarenessMessage(
  awareness: awarenessProtocol.Awareness,
  clientIds: number[],
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageTypes.awareness);
  encoding.writeVarUint8Array(
    encoder,
    awarenessProtocol.encodeAwarenessUpdate(awareness, clientIds),
  );
  return encoding.toUint8Array(encoder);
}
