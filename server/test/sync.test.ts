import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectClient, serverIdentity, whenSynced, type HonestClient } from './helpers/clients.ts';
import { createGuide, startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

describe('live sync with the stock y-websocket client', () => {
  let server: TestServer;
  let documentId: string;
  const clients: HonestClient[] = [];
  const connect = () => {
    const client = connectClient(server, documentId);
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    server = await startTestServer();
    documentId = await createGuide(server);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.cleanup();
  });

  it('relays edits both ways between two peers', async () => {
    const alice = connect();
    const bob = connect();
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    alice.text.insert(0, 'Hello from Alice. ');
    await waitFor(() => expect(bob.content()).toBe('Hello from Alice. '));
    bob.text.insert(bob.text.length, 'And Bob.');
    await waitFor(() => expect(alice.content()).toBe('Hello from Alice. And Bob.'));
  });

  it('gives a late joiner the whole document', async () => {
    const alice = connect();
    await whenSynced(alice);
    for (let index = 0; index < 200; index++) alice.text.insert(alice.text.length, `${index} `);
    await waitFor(() => expect(server.server.collab.persistQueue.size).toBe(0));
    const late = connect();
    await whenSynced(late);
    await waitFor(() => expect(late.content()).toBe(alice.content()));
  });

  it('relays presence, answers query-awareness and removes people who leave', async () => {
    const alice = connect();
    const bob = connect();
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    // What a client says about itself is replaced by the server's record of the person.
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice', color: '#1a5fb4' });
    const identity = await serverIdentity(server.organiser);
    await waitFor(() =>
      expect(bob.provider.awareness.getStates().get(alice.doc.clientID)).toEqual({
        user: identity,
      }),
    );
    // A newcomer is told who is already here without anyone moving.
    const carol = connect();
    await whenSynced(carol);
    await waitFor(() =>
      expect(carol.provider.awareness.getStates().has(alice.doc.clientID)).toBe(true),
    );

    alice.destroy();
    await waitFor(() =>
      expect(bob.provider.awareness.getStates().has(alice.doc.clientID)).toBe(false),
    );
    const room = server.server.collab.rooms.get(documentId);
    expect(room?.presence.awareness.getStates().has(alice.doc.clientID)).toBe(false);
  });
});
