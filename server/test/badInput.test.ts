// Guarantee 5: a hostile frame closes only its own connection, with the documented close code;
// the document and every other peer are untouched, in memory and on disk.
import { randomBytes } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeCodes, limits } from '@draftroom/shared';
import {
  connectClient,
  openRawSocket,
  whenClosed,
  whenSynced,
  type HonestClient,
} from './helpers/clients.ts';
import { addGuide, metric } from './helpers/fixtures.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';
import { readGuideText } from '../testing/index.ts';

const frame = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

/** An awareness update for one client whose state is not JSON. */
const awarenessWithBadJson = frame((encoder) => {
  encoding.writeVarUint(encoder, 1); // message type: awareness
  encoding.writeVarUint8Array(
    encoder,
    frame((inner) => {
      encoding.writeVarUint(inner, 1); // one client
      encoding.writeVarUint(inner, 1234); // client id
      encoding.writeVarUint(inner, 1); // clock
      encoding.writeVarString(inner, '{"user": not json');
    }),
  );
});

const attacks: Array<{ name: string; data: Uint8Array | string; code: number }> = [
  // Random bytes with the high bit set: a varint that never ends.
  {
    name: 'random garbage bytes',
    data: randomBytes(64).map((byte) => byte | 0x80),
    code: closeCodes.malformedMessage,
  },
  {
    name: 'a length prefix longer than the frame',
    data: new Uint8Array([0, 2, 100, ...randomBytes(10)]),
    code: closeCodes.malformedMessage,
  },
  { name: 'a truncated varint', data: new Uint8Array([0x80]), code: closeCodes.malformedMessage },
  { name: 'a text frame', data: 'hello', code: closeCodes.malformedMessage },
  { name: 'message type 99', data: new Uint8Array([99]), code: closeCodes.unknownMessageType },
  {
    name: 'sync sub-type 7',
    data: new Uint8Array([0, 7, 0]),
    code: closeCodes.unknownMessageType,
  },
  {
    name: 'a sync update whose payload is garbage',
    data: new Uint8Array([0, 2, 4, 0xde, 0xad, 0xbe, 0xef]),
    code: closeCodes.invalidUpdate,
  },
  {
    name: 'an awareness update that is not JSON',
    data: awarenessWithBadJson,
    code: closeCodes.invalidUpdate,
  },
  {
    name: 'a trailing byte after a valid query-awareness',
    data: new Uint8Array([3, 0]),
    code: closeCodes.malformedMessage,
  },
  {
    name: 'a frame over limits.maxMessageBytes',
    data: new Uint8Array(limits.maxMessageBytes + 1),
    code: closeCodes.messageTooLarge,
  },
];

describe('bad input never hurts others', () => {
  let server: TestServer;
  let restarted: TestServer | undefined;
  const clients: HonestClient[] = [];
  const documentId = 'bad-input-guide';

  beforeEach(async () => {
    server = await startTestServer();
    await addGuide(server, documentId);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await restarted?.cleanup();
    await server.cleanup();
  });

  it('closes each hostile socket with its code and leaves the document and peers alone', async () => {
    const alice = connectClient(server, documentId);
    const bob = connectClient(server, documentId);
    clients.push(alice, bob);
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    alice.text.insert(0, 'Honest text.');
    await waitFor(() => expect(bob.content()).toBe('Honest text.'));

    for (const attack of attacks) {
      const hostile = await openRawSocket(server, documentId);
      hostile.on('error', () => {}); // the server may reset a socket that is still sending
      const closed = whenClosed(hostile);
      hostile.send(attack.data);
      expect({ attack: attack.name, code: (await closed).code }).toEqual({
        attack: attack.name,
        code: attack.code,
      });
    }

    const room = server.server.collab.rooms.get(documentId);
    expect(readGuideText(room?.doc)).toBe('Honest text.');
    expect(alice.closeEvents).toEqual([]);
    expect(bob.closeEvents).toEqual([]);
    alice.text.insert(alice.text.length, ' Alice again.');
    await waitFor(() => expect(bob.content()).toBe('Honest text. Alice again.'));
    bob.text.insert(bob.text.length, ' Bob too.');
    const honest = 'Honest text. Alice again. Bob too.';
    await waitFor(() => expect(alice.content()).toBe(honest));

    const rejected = (reason: string) =>
      metric(server.url, 'draftroom_messages_rejected_total', { reason });
    expect(await rejected('malformed')).toBe(5);
    expect(await rejected('unknown_type')).toBe(2);
    expect(await rejected('invalid_update')).toBe(2);
    expect(await rejected('too_large')).toBe(1);

    // Old peers must not reconnect to the restarted server (it may get the same port).
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
    restarted = await startTestServer({}, server.dataDir, server.organiser);
    const fresh = connectClient(restarted, documentId);
    clients.push(fresh);
    await whenSynced(fresh);
    expect(fresh.content()).toBe(honest);
  });
});
