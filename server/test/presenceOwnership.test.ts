import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { closeCodes, limits, messageTypes } from '@draftroom/shared';
import { ApiClient, createInvite } from '../testing/index.ts';
import {
  connectClient,
  openRawSocket,
  serverIdentity,
  whenClosed,
  whenSynced,
  type HonestClient,
} from './helpers/clients.ts';
import { metric } from './helpers/fixtures.ts';
import { createGuide, startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

// Guarantee 6, presence is owned: a connection speaks only for its own awareness client id, the
// name and colour others see are the server's record of the person, and no presence message can
// grow the server's memory or throw. Alice is the organiser; Eve is another signed-in person.
describe('presence is owned and bounded', () => {
  let server: TestServer;
  let eve: ApiClient;
  let documentId: string;
  const clients: HonestClient[] = [];

  beforeEach(async () => {
    server = await startTestServer({ SEED_DEMO: 'false' });
    documentId = await createGuide(server);
    const me = await server.organiser.expect<{ person: { eventId: string } }>(
      200,
      'GET',
      '/api/me',
    );
    const invite = await createInvite(server.organiser, 'organiser', {
      type: 'event',
      id: me.person.eventId,
    });
    eve = await ApiClient.join(server.url, invite.joinPath, {
      displayName: 'Eve',
      parliament: 'Nowhere',
      country: 'FR',
      preferredLanguage: 'en',
    });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.cleanup();
  });

  const connect = (cookie: string) => {
    const client = connectClient({ wsUrl: server.wsUrl, cookie }, documentId);
    clients.push(client);
    return client;
  };

  /** An awareness frame with these (client id, clock, state) entries. */
  const presenceFrame = (entries: Array<[number, number, unknown]>) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageTypes.awareness);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, entries.length);
    for (const [clientId, clock, state] of entries) {
      encoding.writeVarUint(inner, clientId);
      encoding.writeVarUint(inner, clock);
      encoding.writeVarString(inner, JSON.stringify(state));
    }
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
    return encoding.toUint8Array(encoder);
  };

  it("shows the server's name and colour, and nobody can change or remove another's presence", async () => {
    const alice = connect(server.cookie);
    const watcher = connect(server.cookie);
    await Promise.all([whenSynced(alice), whenSynced(watcher)]);
    alice.provider.awareness.setLocalStateField('user', {
      name: 'The Secretary-General',
      color: '#000000',
    });
    const aliceIdentity = await serverIdentity(server.organiser);
    const aliceId = alice.doc.clientID;
    const seenByWatcher = () => watcher.provider.awareness.getStates().get(aliceId);
    await waitFor(() => expect(seenByWatcher()).toEqual({ user: aliceIdentity }));

    // Eve claims her own id first, then writes over Alice's and removes it: both ignored.
    const socket = await openRawSocket({ wsUrl: server.wsUrl, cookie: eve.cookie }, documentId);
    const eveId = 424242;
    socket.send(presenceFrame([[eveId, 1, { user: { name: 'Alice' } }]]));
    socket.send(presenceFrame([[aliceId, 99, { user: { name: 'Eve was here' } }]]));
    socket.send(presenceFrame([[aliceId, 100, null]]));
    const eveIdentity = await serverIdentity(eve);
    await waitFor(() =>
      // Eve's colour is hers unless Alice has it already (presenceColours.test.ts).
      expect(watcher.provider.awareness.getStates().get(eveId)).toEqual({
        user: { ...eveIdentity, color: expect.stringMatching(/^#[0-9a-f]{6}$/) },
      }),
    );
    expect(seenByWatcher()).toEqual({ user: aliceIdentity });
    const room = server.server.collab.rooms.get(documentId);
    expect(room?.presence.awareness.getStates().get(aliceId)).toEqual({ user: aliceIdentity });
    expect(await metric(server.url, 'draftroom_presence_ignored_total')).toBeGreaterThanOrEqual(2);
    socket.close();
  });

  it('drops states of another shape without closing, and refuses floods and oversize states', async () => {
    const watcher = connect(server.cookie);
    await whenSynced(watcher);
    const socket = await openRawSocket({ wsUrl: server.wsUrl, cookie: eve.cookie }, documentId);
    socket.send(presenceFrame([[7, 1, { cursor: 100, script: '<img onerror=alert(1)>' }]]));
    await waitFor(async () =>
      expect(
        await metric(server.url, 'draftroom_messages_rejected_total', {
          reason: 'invalid_presence',
        }),
      ).toBe(1),
    );
    expect(watcher.provider.awareness.getStates().has(7)).toBe(false);
    expect(socket.readyState).toBe(socket.OPEN);

    // The attack that grew memory to 1.7 GB: thousands of fake client ids in one frame.
    const many = Array.from(
      { length: limits.maxPresenceEntries + 1 },
      (_, index): [number, number, unknown] => [1000 + index, 1, null],
    );
    socket.send(presenceFrame(many));
    expect((await whenClosed(socket)).code).toBe(closeCodes.invalidUpdate);
    const room = server.server.collab.rooms.get(documentId);
    expect(room?.presence.awareness.getStates().size).toBeLessThanOrEqual(1);

    const big = await openRawSocket({ wsUrl: server.wsUrl, cookie: eve.cookie }, documentId);
    big.send(presenceFrame([[8, 1, { user: 'x'.repeat(limits.maxPresenceBytes) }]]));
    expect((await whenClosed(big)).code).toBe(closeCodes.invalidUpdate);
    // The server is fine, and a newcomer's greeting (which used to throw) still works.
    const late = connect(server.cookie);
    await whenSynced(late);
    expect(late.closeEvents).toEqual([]);
  });

  it("lets the same person's new tab take over its presence id", async () => {
    const first = await openRawSocket({ wsUrl: server.wsUrl, cookie: eve.cookie }, documentId);
    first.send(presenceFrame([[55, 1, { cursor: null }]]));
    const watcher = connect(server.cookie);
    await whenSynced(watcher);
    await waitFor(() => expect(watcher.provider.awareness.getStates().has(55)).toBe(true));
    const second = await openRawSocket({ wsUrl: server.wsUrl, cookie: eve.cookie }, documentId);
    second.send(presenceFrame([[55, 2, { cursor: { anchor: { assoc: 0 }, head: { assoc: 0 } } }]]));
    await waitFor(() =>
      expect(watcher.provider.awareness.getStates().get(55)).toMatchObject({
        cursor: { head: { assoc: 0 } },
      }),
    );
    first.close();
    second.close();
  });

  it('keeps a presence id owned after its owner clears it, so nobody else can take it', async () => {
    const watcher = connect(server.cookie);
    await whenSynced(watcher);
    const owner = await openRawSocket({ wsUrl: server.wsUrl, cookie: server.cookie }, documentId);
    owner.send(presenceFrame([[77, 1, { cursor: null }]]));
    await waitFor(() => expect(watcher.provider.awareness.getStates().has(77)).toBe(true));
    owner.send(presenceFrame([[77, 2, null]]));
    await waitFor(() => expect(watcher.provider.awareness.getStates().has(77)).toBe(false));

    const intruder = await openRawSocket({ wsUrl: server.wsUrl, cookie: eve.cookie }, documentId);
    const ignoredBefore = await metric(server.url, 'draftroom_presence_ignored_total');
    intruder.send(presenceFrame([[77, 3, { cursor: null }]]));
    await waitFor(async () =>
      expect(await metric(server.url, 'draftroom_presence_ignored_total')).toBe(ignoredBefore + 1),
    );
    expect(watcher.provider.awareness.getStates().has(77)).toBe(false);
    owner.send(presenceFrame([[77, 4, { cursor: null }]]));
    const aliceIdentity = await serverIdentity(server.organiser);
    await waitFor(() =>
      expect(watcher.provider.awareness.getStates().get(77)).toEqual({
        cursor: null,
        user: aliceIdentity,
      }),
    );
    owner.close();
    intruder.close();
  });
});
