import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { palette } from '@draftroom/shared';
import { ApiClient, createInvite, sampleProfile } from '../testing/index.ts';
import { connectClient, whenSynced, type HonestClient } from './helpers/clients.ts';
import { createGuide, startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

interface StampedUser {
  name: string;
  color: string;
  id: string;
  role: string;
}

// Presence tells people apart: everyone in one guide gets a colour nobody else there has (as long
// as the palette lasts), the same person keeps theirs on every device, and the role the server
// has on file is stamped in for the badge.
describe('presence colours and roles', () => {
  let server: TestServer;
  let documentId: string;
  const clients: HonestClient[] = [];
  beforeEach(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '10000' });
    documentId = await createGuide(server);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.cleanup();
  });

  async function person(role: 'organiser' | 'observer', name: string): Promise<ApiClient> {
    const me = await server.organiser.expect<{ person: { eventId: string } }>(
      200,
      'GET',
      '/api/me',
    );
    const invite = await createInvite(server.organiser, role, {
      type: 'event',
      id: me.person.eventId,
    });
    return ApiClient.join(server.url, invite.joinPath, sampleProfile({ displayName: name }));
  }

  async function present(cookie: string): Promise<HonestClient> {
    const client = connectClient({ wsUrl: server.wsUrl, cookie }, documentId);
    clients.push(client);
    await whenSynced(client);
    client.provider.awareness.setLocalStateField('user', { name: 'claimed', color: '#000000' });
    return client;
  }

  const usersSeenBy = (client: HonestClient): StampedUser[] =>
    [...client.provider.awareness.getStates()]
      .filter(([clientId]) => clientId !== client.doc.clientID)
      .map(([, state]) => (state as { user: StampedUser }).user);

  it('gives the people of one guide different colours, keeps a person’s colour across devices, and stamps the role', async () => {
    // As many people as the palette has colours: by chance alone, two would almost surely share.
    const people = [server.organiser];
    for (let i = 1; i < palette.length - 1; i++) people.push(await person('organiser', `Org ${i}`));
    const observer = await person('observer', 'Olu Observer');
    people.push(observer);
    for (const someone of people) await present(someone.cookie);
    // The first organiser again, on a second device.
    await present(server.organiser.cookie);
    const watcher = await present((await person('organiser', 'Watcher')).cookie);

    await waitFor(() => expect(usersSeenBy(watcher)).toHaveLength(people.length + 1));
    const users = usersSeenBy(watcher);
    const colourOf = new Map<string, Set<string>>();
    for (const user of users) {
      expect(palette.map((colour) => colour.hex)).toContain(user.color);
      colourOf.set(user.id, (colourOf.get(user.id) ?? new Set()).add(user.color));
    }
    expect(colourOf.size).toBe(people.length);
    // One colour per person (both devices of the first organiser alike)…
    for (const colours of colourOf.values()) expect(colours.size).toBe(1);
    // …and no two people alike.
    const perPerson = [...colourOf.values()].map((colours) => [...colours][0]);
    expect(new Set(perPerson).size).toBe(people.length);

    const stampedObserver = users.find((user) => user.id === observer.personId);
    expect(stampedObserver).toMatchObject({ name: 'Olu Observer', role: 'observer' });
    expect(users.find((user) => user.id === server.organiser.personId)?.role).toBe('organiser');
    expect(users.every((user) => user.name !== 'claimed')).toBe(true);
  });
});
