import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { apiPath, guideFragmentName, type SearchResult } from '@draftroom/shared';
import { actorNames, buildWorld, send, type ActorName, type World } from './helpers/actors.ts';
import { connectClient, whenSynced, type HonestClient } from './helpers/clients.ts';
import { createGuide, startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

const searchPath = (q: string, limit?: number) =>
  `${apiPath('searchGuides')}?${new URLSearchParams({ q, ...(limit ? { limit: String(limit) } : {}) }).toString()}`;

/** Writes `text` as a new paragraph at the end of the guide (after the test paragraph). */
function addParagraph(client: HonestClient, text: string): void {
  void client.text; // the shared first paragraph exists
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = client.doc.getXmlFragment(guideFragmentName);
  fragment.insert(fragment.length, [paragraph]);
}

// Search against a real server: what is typed over the websocket is found a moment later, at its
// block; hostile input is words, never syntax or a 500; edits a crash kept from the index are
// caught up at the next start.
describe('search', () => {
  let server: TestServer;
  const clients: HonestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.cleanup();
  });
  const connect = async (guideId: string) => {
    const client = connectClient(server, guideId);
    clients.push(client);
    await whenSynced(client);
    return client;
  };
  const search = (q: string) => server.organiser.expect<SearchResult>(200, 'GET', searchPath(q));

  it('finds words typed a moment before, at their block, with the match marked', async () => {
    server = await startTestServer({ SEED_DEMO: 'false', SEARCH_INDEX_QUIET_MS: '100' });
    const guideId = await createGuide(server, 'Coastal group');
    const client = await connect(guideId);
    client.text.insert(0, 'Opening remarks');
    addParagraph(client, 'Les corridors de migration traversent la Méditerranée');
    const result = await waitFor(async () => {
      const found = await search('mediterranee corridor');
      expect(found.hits).toHaveLength(1);
      return found;
    });
    const [hit] = result.hits;
    expect(hit).toMatchObject({ guideId, guideTitle: 'Coastal group', block: 1, dir: null });
    const marked = hit?.snippet.marks.map((m) => hit.snippet.text.slice(m.start, m.end));
    expect(marked).toEqual(['corridors', 'Méditerranée']);

    // An edit replaces the old words (one guide re-indexed, not everything).
    client.text.delete(0, client.text.length);
    client.text.insert(0, 'Closing remarks');
    await waitFor(async () => expect((await search('opening')).hits).toEqual([]));
    expect((await search('closing')).hits.map((h) => h.block)).toEqual([0]);
  });

  it('answers hostile and malformed searches with words or 400, never 500', async () => {
    server = await startTestServer({ SEED_DEMO: 'false', SEARCH_INDEX_QUIET_MS: '50' });
    const client = await connect(await createGuide(server));
    client.text.insert(0, 'near the "end" of it');
    await waitFor(async () => expect((await search('near')).hits).toHaveLength(1));
    for (const q of ['"', '*', 'NEAR(', 'near(end', '"end', 'a OR b', '-', '^x', ':', ')(']) {
      const found = await send(server.url, server.cookie, 'get', searchPath(q));
      expect(found.status, q).toBe(200);
    }
    expect((await search('NEAR(')).hits).toHaveLength(1);
    for (const q of ['', '   ', 'x'.repeat(201), 'a\u0000b', 'tab\there']) {
      const refused = await send(server.url, server.cookie, 'get', searchPath(q));
      expect(refused.status, JSON.stringify(q)).toBe(400);
    }
    const unknown = await send(server.url, server.cookie, 'get', `${searchPath('x')}&sort=1`);
    expect(unknown.status).toBe(400);
    const tooMany = await send(server.url, server.cookie, 'get', searchPath('x', 51));
    expect(tooMany.status).toBe(400);
  });

  it('catches up at start with edits stored but not yet indexed when the server stopped', async () => {
    const env = { SEED_DEMO: 'false', SEARCH_INDEX_QUIET_MS: '600000' };
    const restart = async () => {
      await server.stop();
      server = await startTestServer(env, server.dataDir, server.organiser);
      await server.server.search.settled();
    };
    server = await startTestServer(env);
    const guideId = await createGuide(server);
    // Indexed (empty) by the start-up pass: from here on only the stale mark can bring it back.
    await restart();
    const client = await connect(guideId);
    client.text.insert(0, 'written just before the stop');
    await waitFor(async () => {
      const state = await server.server.collab.documents.readState(guideId);
      expect(state.byteLength).toBeGreaterThan(40);
    });
    expect((await search('stop')).hits).toEqual([]);
    client.destroy();
    await restart();
    expect((await search('stop')).hits.map((hit) => hit.guideId)).toEqual([guideId]);
  });
});

// Search shows each person only the guides they may read: the guide of group A, written by the
// organiser, is found by exactly those who may open it (authorization.test.ts has the route row).
describe('search authorization', () => {
  let server: TestServer;
  let world: World;
  let client: HonestClient | undefined;
  beforeAll(async () => {
    server = await startTestServer({
      SEED_DEMO: 'false',
      JOIN_RATE_LIMIT_PER_MINUTE: '100000',
      SEARCH_INDEX_QUIET_MS: '50',
    });
    world = await buildWorld(server);
  });
  afterAll(async () => {
    client?.destroy();
    await server?.cleanup();
  });

  it('finds group A’s words for those who may read its guide, and for nobody else', async () => {
    client = connectClient(server, world.groupA.guideId);
    await whenSynced(client);
    client.text.insert(0, 'quokka habitat notes');
    await server.server.search.settled();
    await waitFor(async () => {
      const found = await server.organiser.expect<SearchResult>(200, 'GET', searchPath('quokka'));
      expect(found.hits).toHaveLength(1);
    });
    const finds: Partial<Record<ActorName, number | string>> = {};
    for (const name of actorNames) {
      const response = await send(
        server.url,
        world.actors[name].cookie,
        'get',
        searchPath('quokka'),
      );
      finds[name] =
        response.status === 200 ? (response.body as SearchResult).hits.length : response.status;
    }
    expect(finds).toEqual({
      anonymous: 401,
      revoked: 401,
      signedOut: 401,
      organiser: 1,
      facilitatorS: 1,
      facilitatorOther: 0,
      participantA: 1,
      participantB: 0,
      observer: 1,
      otherOrganiser: 0,
    });
  });
});
