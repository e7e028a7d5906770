import * as encoding from 'lib0/encoding';
import { messageTypes, syncMessageTypes } from '@draftroom/shared';

/** A y-websocket sync frame of the given sub-type, as a client would send it. */
export function syncFrame(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageTypes.sync);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A sync "update" frame carrying one Yjs update. */
export function updateFrame(update: Uint8Array): Uint8Array {
  return syncFrame(syncMessageTypes.update, update);
}
