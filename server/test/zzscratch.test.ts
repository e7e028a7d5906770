import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectClient, whenSynced, type HonestClient } from './helpers/clients.ts';
import { createGuide, startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

describe('scratch', () => {
  let server: TestServer;
  let documentId: string;
  const clients: HonestClient[] = [];
  const connect = (name: string) => {
    const client = connectClient(server.wsUrl, documentId);
    client.provider.on('status', (s) => console.log(name, 'status', s.status));
    client.provider.on('sync', (s) => console.log(name, 'sync', s));
    client.provider.on('connection-close', (e) => console.log(name, 'close', e?.code));
    client.provider.on('connection-error', () => console.log(name, 'error'));
    clients.push(client);
    return client;
  };
  beforeEach(async () => {
    server = await startTestServer();
    documentId = await createGuide(server.url);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.cleanup();
  });
  for (let i = 0; i < 30; i++)
    it('presence ' + i, { timeout: 4000 }, async () => {
      const alice = connect('alice');
      const bob = connect('bob');
      await Promise.all([whenSynced(alice), whenSynced(bob)]);
      console.log('ab synced');
      alice.provider.awareness.setLocalStateField('user', { name: 'Alice', color: '#1a5fb4' });
      await waitFor(() =>
        expect(bob.provider.awareness.getStates().get(alice.doc.clientID)).toEqual({
          user: { name: 'Alice', color: '#1a5fb4' },
        }),
      );
      const carol = connect('carol');
      await whenSynced(carol);
      console.log('carol synced');
    });
});
