// Guarantee 4 (room side): a read-only connection follows along and shows presence, but any update
// it sends is dropped (never relayed, never stored) and counted; it is not disconnected for it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectClient, serverIdentity, whenSynced, type HonestClient } from './helpers/clients.ts';
import { addGuide, metric } from './helpers/fixtures.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';
import { readGuideText } from '../testing/index.ts';

describe('read-only connections', () => {
  let server: TestServer;
  let restarted: TestServer | undefined;
  const clients: HonestClient[] = [];
  const documentId = 'read-only-guide';
  const connect = (target: TestServer) => {
    const client = connectClient(target, documentId);
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    server = await startTestServer();
    await addGuide(server, documentId);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await restarted?.cleanup();
    await server.cleanup();
  });

  it('drops and counts updates from a reader, who still receives edits and presence', async () => {
    const reader = connect(server);
    await whenSynced(reader);
    const room = server.server.collab.rooms.get(documentId);
    const [readerConnection] = [...(room?.connections ?? [])];
    if (!room || !readerConnection) throw new Error('the reader has no server-side connection');
    // Presence arrives after the reader's handshake on the same socket, so once the room has it,
    // the handshake has been handled while the reader could still write.
    reader.provider.awareness.setLocalStateField('user', { name: 'Reader' });
    await waitFor(() =>
      expect(room.presence.awareness.getStates().has(reader.doc.clientID)).toBe(true),
    );
    readerConnection.permission = 'read';

    const alice = connect(server);
    const carol = connect(server);
    await Promise.all([whenSynced(alice), whenSynced(carol)]);
    alice.text.insert(0, 'From Alice.');
    await waitFor(() => expect(reader.content()).toBe('From Alice.'));

    const readOnlyRejections = () =>
      metric(server.url, 'draftroom_messages_rejected_total', { reason: 'read_only' });
    expect(await readOnlyRejections()).toBe(0);
    reader.text.insert(0, 'Reader was here. ');
    await waitFor(async () => expect(await readOnlyRejections()).toBe(1));

    // Carol's edit is handled after the reader's, so anything relayed from the reader would
    // reach Alice before it.
    carol.text.insert(carol.text.length, ' From Carol.');
    const honest = 'From Alice. From Carol.';
    await waitFor(() => expect(alice.content()).toBe(honest));
    await waitFor(() => expect(reader.content()).toBe(`Reader was here. ${honest}`));
    expect(readGuideText(room.doc)).toBe(honest);
    expect(reader.closeEvents).toEqual([]);

    // The reader's presence still reaches others, under the name the server has on file.
    const caret = { anchor: { assoc: 0 }, head: { assoc: 0 } };
    reader.provider.awareness.setLocalStateField('cursor', caret);
    const identity = await serverIdentity(server.organiser);
    await waitFor(() =>
      expect(alice.provider.awareness.getStates().get(reader.doc.clientID)).toEqual({
        user: identity,
        cursor: caret,
      }),
    );

    // Old peers must not reconnect to the restarted server (it may get the same port).
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
    restarted = await startTestServer({}, server.dataDir, server.organiser);
    const fresh = connect(restarted);
    await whenSynced(fresh);
    expect(fresh.content()).toBe(honest);
  });
});
