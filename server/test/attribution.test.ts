// Attribution: the server records who wrote every stored update (the person signed in on the
// socket, and the Yjs client ids the update carries), in the same transaction as the update,
// and never from anything a client writes into the document.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPath, type GuideContributors } from '@draftroom/shared';
import {
  ApiClient,
  createCoCreationSession,
  createGroup,
  createInvite,
  guideText,
  queryTestDatabase,
  sampleProfile,
} from '../testing/index.ts';
import { serverAuthorId } from '../src/persistence/index.ts';
import { connectClient, whenSynced, type HonestClient } from './helpers/clients.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

describe('attribution of stored updates', () => {
  let server: TestServer;
  const clients: HonestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.cleanup();
  });

  const setUp = async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    const session = await createCoCreationSession(server.organiser, 'Attribution session');
    const group = await createGroup(server.organiser, session.id, 'Attribution group');
    const invite = await createInvite(server.organiser, 'participant', {
      type: 'group',
      id: group.id,
    });
    const join = (displayName: string, parliament: string, country: string) =>
      ApiClient.join(
        server.url,
        invite.joinPath,
        sampleProfile({ displayName, parliament, country }),
      );
    const amina = await join('Amina Diallo', 'National Assembly of Senegal', 'SN');
    const lucia = await join('Lucía Pérez', 'Congreso de los Diputados', 'ES');
    return { group, amina, lucia };
  };
  const connect = async (cookie: string, guideId: string) => {
    const client = connectClient({ wsUrl: server.wsUrl, cookie }, guideId);
    clients.push(client);
    await whenSynced(client);
    return client;
  };
  const contributors = (client: ApiClient, guideId: string) =>
    client.expect<GuideContributors>(200, 'GET', apiPath('guideContributors', { guideId }));

  it('names each person and parliament from their sign-in, with the client ids they wrote with', async () => {
    const { group, amina, lucia } = await setUp();
    const aminaPeer = await connect(amina.cookie, group.guideId);
    const luciaPeer = await connect(lucia.cookie, group.guideId);
    aminaPeer.text.insert(0, 'Purpose. ');
    aminaPeer.text.insert(9, 'Context. ');
    // Text may name anyone as its author: it proves nothing, the socket's sign-in does.
    luciaPeer.text.insert(0, 'Checklist (written by Amina Diallo). ');
    await waitFor(() => expect(aminaPeer.content()).toContain('Checklist ('));
    await server.server.collab.documents.withDocument(group.guideId, (doc) => {
      guideText(doc).insert(0, 'From the server. ');
    });

    const answer = await contributors(amina, group.guideId);
    const byName = new Map(answer.people.map((person) => [person.name, person]));
    expect([...byName.keys()].sort()).toEqual(['Amina Diallo', 'Lucía Pérez']);
    expect(byName.get('Amina Diallo')).toMatchObject({
      personId: amina.personId,
      parliament: 'National Assembly of Senegal',
      country: 'SN',
    });
    expect(byName.get('Amina Diallo')?.changes).toBeGreaterThanOrEqual(2);
    expect(byName.get('Lucía Pérez')?.changes).toBeGreaterThanOrEqual(1);
    expect(answer.parliaments.map((p) => p.country).sort()).toEqual(['ES', 'SN']);
    expect(answer.serverChanges).toBe(1);

    // The client ids are the peers' own, each tied to the person signed in on that socket.
    const clientAuthors = await server.server.persistence.repositories.contributions.clientAuthors(
      group.guideId,
    );
    expect(clientAuthors.get(aminaPeer.doc.clientID)).toBe(amina.personId);
    expect(clientAuthors.get(luciaPeer.doc.clientID)).toBe(lucia.personId);
    expect([...clientAuthors.values()]).toContain(serverAuthorId);
  });

  it('is stored with the updates: every stored update has its author, in the same transaction', async () => {
    const { group, amina } = await setUp();
    const peer = await connect(amina.cookie, group.guideId);
    for (let index = 0; index < 20; index++) peer.text.insert(0, `${index} `);
    // Read from the database while the server runs (well under the compaction threshold), in one
    // statement, so one snapshot: a batch's updates and their author are one transaction, so the
    // two counts never differ. (Read after a stop, the closing compaction may or may not have run
    // before the database closed: a clean run on PostgreSQL read 0 stored rows that way.)
    await waitFor(async () => {
      const [counts] = await queryTestDatabase<{ stored: number; attributed: number | null }>(
        server.databasePath,
        `SELECT (SELECT count(*) FROM document_updates WHERE document_id = ?) AS stored,
                (SELECT sum(updates) FROM document_contributions
                  WHERE document_id = ? AND author_id = ?) AS attributed`,
        [group.guideId, group.guideId, amina.personId],
      );
      expect(Number(counts?.stored)).toBeGreaterThan(0);
      expect(Number(counts?.attributed)).toBe(Number(counts?.stored));
    });
    peer.destroy();
  });

  it('counts a busy minute in one row per author, not one per keystroke', async () => {
    const { group, amina } = await setUp();
    const peer = await connect(amina.cookie, group.guideId);
    for (let index = 0; index < 50; index++) peer.text.insert(0, 'x');
    await waitFor(async () =>
      expect((await contributors(amina, group.guideId)).people[0]?.changes).toBeGreaterThan(0),
    );
    await server.server.collab.close();
    const [rows] = await queryTestDatabase<{ n: number }>(
      server.databasePath,
      'SELECT count(*) AS n FROM document_contributions WHERE document_id = ?',
      [group.guideId],
    );
    // One per minute the typing spanned (a test can straddle a minute boundary).
    expect(rows?.n).toBeGreaterThanOrEqual(1);
    expect(rows?.n).toBeLessThanOrEqual(2);
  });
});
