// decodeClientMessage turns every frame the stock client sends into a typed message, and every
// other frame into a ProtocolError with the documented reason and close code.
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import { closeCodes, limits, messageTypes } from '@draftroom/shared';
import {
  decodeClientMessage,
  encodePermissionMessage,
  encodeSyncStep2,
  encodeUpdateMessage,
  isEmptyUpdate,
  ProtocolError,
  type ProtocolErrorReason,
} from './protocol.ts';

const frame = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};
const syncFrame = (write: (encoder: encoding.Encoder) => void) =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, messageTypes.sync);
    write(encoder);
  });
const bytes = (...values: number[]) => new Uint8Array(values);

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

function expectProtocolError(
  data: Uint8Array,
  reason: ProtocolErrorReason,
  closeCode: number,
): void {
  let caught: unknown;
  try {
    decodeClientMessage(data);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ProtocolError);
  expect({
    reason: (caught as ProtocolError).reason,
    code: (caught as ProtocolError).closeCode,
  }).toEqual({ reason, code: closeCode });
}

describe('decodeClientMessage: what the stock client sends', () => {
  it('reads sync step 1 with its state vector', () => {
    const doc = docWithText('hello');
    expect(decodeClientMessage(syncFrame((e) => syncProtocol.writeSyncStep1(e, doc)))).toEqual({
      kind: 'syncStep1',
      stateVector: Y.encodeStateVector(doc),
    });
  });

  it('reads sync step 2 and sync updates as updates', () => {
    const doc = docWithText('hello');
    expect(
      decodeClientMessage(syncFrame((e) => syncProtocol.writeSyncStep2(e, doc))),
    ).toMatchObject({ kind: 'update', update: Y.encodeStateAsUpdate(doc) });
    const update = Y.encodeStateAsUpdate(docWithText('world'));
    const message = decodeClientMessage(syncFrame((e) => syncProtocol.writeUpdate(e, update)));
    expect(message).toMatchObject({ kind: 'update', update });
    // Decoded once, here, for the validator: the structs and deleted ranges it carries.
    if (message.kind !== 'update') throw new Error('not an update');
    expect(message.decoded.structs.map((struct) => struct.length)).toEqual([5]);
    expect(message.decoded.ds.clients.size).toBe(0);
  });

  it('reads awareness updates', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState({ user: { name: 'Amina', color: '#1a5fb4' } });
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
    const message = frame((e) => {
      encoding.writeVarUint(e, messageTypes.awareness);
      encoding.writeVarUint8Array(e, update);
    });
    expect(decodeClientMessage(message)).toEqual({
      kind: 'awareness',
      entries: [
        {
          clientId: awareness.clientID,
          clock: 1,
          state: { user: { name: 'Amina', color: '#1a5fb4' } },
        },
      ],
    });
  });

  it('reads query-awareness and (ignored) auth messages', () => {
    expect(decodeClientMessage(bytes(messageTypes.queryAwareness))).toEqual({
      kind: 'queryAwareness',
    });
    const auth = frame((e) => {
      encoding.writeVarUint(e, messageTypes.auth);
      authProtocol.writePermissionDenied(e, 'no reason');
    });
    expect(decodeClientMessage(auth)).toEqual({ kind: 'auth' });
    expect(decodeClientMessage(bytes(messageTypes.auth, 0))).toEqual({ kind: 'auth' });
  });
});

describe('decodeClientMessage: everything else', () => {
  it('refuses frames that do not decode as malformed (4400)', () => {
    const malformed = (data: Uint8Array) =>
      expectProtocolError(data, 'malformed', closeCodes.malformedMessage);
    malformed(bytes()); // empty
    malformed(bytes(0x80)); // truncated varint
    malformed(bytes(...new Array<number>(12).fill(0xff))); // varint too large
    malformed(bytes(0, 2, 10, 1, 2)); // payload shorter than its length prefix
    malformed(bytes(0)); // sync without sub-type
    malformed(bytes(1)); // awareness without payload
    malformed(bytes(2, 0, 5, 0x61)); // auth reason shorter than its length prefix
  });

  it('refuses a trailing byte after a complete message as malformed (4400)', () => {
    const doc = docWithText('hello');
    const step1 = syncFrame((e) => syncProtocol.writeSyncStep1(e, doc));
    expectProtocolError(bytes(...step1, 0), 'malformed', closeCodes.malformedMessage);
    expectProtocolError(
      bytes(messageTypes.queryAwareness, 0),
      'malformed',
      closeCodes.malformedMessage,
    );
  });

  it('refuses unknown message and sync types (4415)', () => {
    const frames = [
      bytes(99),
      // The server's own permission message flows server → client only.
      encodePermissionMessage('write', 'role'),
      bytes(4),
      bytes(0x80, 0x01),
      bytes(0, 7, 0),
      bytes(0, 7),
      bytes(0, 3, 0),
    ];
    for (const data of frames) {
      expectProtocolError(data, 'unknown_type', closeCodes.unknownMessageType);
    }
  });

  it('refuses updates, state vectors and awareness that do not decode (4422)', () => {
    const invalid = (data: Uint8Array) =>
      expectProtocolError(data, 'invalid_update', closeCodes.invalidUpdate);
    const garbage = bytes(0xde, 0xad, 0xbe, 0xef);
    invalid(syncFrame((e) => syncProtocol.writeUpdate(e, garbage)));
    for (const syncType of [syncProtocol.messageYjsSyncStep1, syncProtocol.messageYjsSyncStep2]) {
      invalid(
        syncFrame((e) => {
          encoding.writeVarUint(e, syncType);
          encoding.writeVarUint8Array(e, garbage);
        }),
      );
    }
    /** An awareness message: `count`, then one entry (client 7, clock 1) per state, then `extra`. */
    const awareness = (count: number, states: string[], extra: number[] = []) =>
      frame((e) => {
        encoding.writeVarUint(e, messageTypes.awareness);
        const payload = frame((inner) => {
          encoding.writeVarUint(inner, count);
          for (const state of states) {
            encoding.writeVarUint(inner, 7);
            encoding.writeVarUint(inner, 1);
            encoding.writeVarString(inner, state);
          }
          for (const byte of extra) encoding.write(inner, byte);
        });
        encoding.writeVarUint8Array(e, payload);
      });
    invalid(awareness(1, ['{"user": not json'])); // state is not JSON
    invalid(awareness(2, ['{}'])); // one entry short
    invalid(awareness(1, ['{}'], [0])); // trailing byte inside the payload
    // The same payload without a fault is accepted, so each case above fails for its fault.
    const valid = awareness(1, ['{}']);
    expect(decodeClientMessage(valid).kind).toBe('awareness');

    // Presence that decodes but could only be an attack on memory: refused as invalid presence.
    const presence = (data: Uint8Array) =>
      expectProtocolError(data, 'invalid_presence', closeCodes.invalidUpdate);
    const many = limits.maxPresenceEntries + 1;
    presence(awareness(many, Array<string>(many).fill('null')));
    presence(awareness(1, [JSON.stringify({ pad: 'x'.repeat(limits.maxPresenceBytes) })]));
    const justUnder = limits.maxPresenceEntries;
    expect(
      decodeClientMessage(awareness(justUnder, Array<string>(justUnder).fill('null'))).kind,
    ).toBe('awareness');
  });
});

describe('server frames', () => {
  it('are read by the stock client protocol', () => {
    const serverDoc = docWithText('from the server');
    const clientDoc = new Y.Doc();
    const step2 = decoding.createDecoder(
      encodeSyncStep2(serverDoc, Y.encodeStateVector(clientDoc)),
    );
    expect(decoding.readVarUint(step2)).toBe(messageTypes.sync);
    syncProtocol.readSyncMessage(step2, encoding.createEncoder(), clientDoc, null);
    expect(clientDoc.getText('t').toString()).toBe('from the server');

    const update = Y.encodeStateAsUpdate(docWithText('!'));
    const message = decoding.createDecoder(encodeUpdateMessage(update));
    expect(decoding.readVarUint(message)).toBe(messageTypes.sync);
    expect(decoding.readVarUint(message)).toBe(syncProtocol.messageYjsUpdate);
    expect(decoding.readVarUint8Array(message)).toEqual(update);
  });

  it('isEmptyUpdate recognises the update of a client with nothing new', () => {
    const doc = docWithText('hello');
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)))).toBe(true);
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc))).toBe(false);
  });
});
