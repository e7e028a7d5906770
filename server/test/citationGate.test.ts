// The practice citation through a real server with the stock y-websocket client (issue 17): a
// citation as y-tiptap writes it is relayed, stored and indexed; one the shared schema refuses
// closes the socket with 4422 and nothing of it is stored.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { apiPath, type GuideCitations, type Me } from '@draftroom/shared';
import { connectClient, whenSynced, type HonestClient } from './helpers/clients.ts';
import { insertPractice } from './helpers/citationFixtures.ts';
import { createGuide, startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

describe('citations at the gate of a real server', () => {
  let server: TestServer;
  let practiceId: string;
  const clients: HonestClient[] = [];
  const connect = (guideId: string) => {
    const client = connectClient(server, guideId);
    clients.push(client);
    return client;
  };
  const citation = (id: unknown) => {
    const element = new Y.XmlElement('practiceCitation');
    element.setAttribute('practiceId', id as string);
    return element;
  };
  const stored = (guideId: string) => server.server.collab.documents.readState(guideId);

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', SEARCH_INDEX_QUIET_MS: '50' });
    const eventId = (await server.organiser.expect<Me>(200, 'GET', apiPath('me'))).person.eventId;
    practiceId = await insertPractice(server.databasePath, {
      eventId,
      title: 'Open budget portal',
    });
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('relays, stores and indexes a citation written as y-tiptap writes it', async () => {
    const guideId = await createGuide(server);
    const alice = connect(guideId);
    const bob = connect(guideId);
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    alice.doc.getXmlFragment('default').insert(0, [citation(practiceId)]);
    await waitFor(() => {
      const first = bob.doc.getXmlFragment('default').get(0);
      expect(first instanceof Y.XmlElement && first.nodeName).toBe('practiceCitation');
      expect((first as Y.XmlElement).getAttribute('practiceId')).toBe(practiceId);
    });
    expect(alice.closeEvents).toEqual([]);
    await waitFor(async () => {
      await server.server.search.settled();
      const listed = await server.organiser.expect<GuideCitations>(
        200,
        'GET',
        apiPath('guideCitations', { guideId }),
      );
      expect(listed.practices.map((card) => card.id)).toEqual([practiceId]);
    });
  });

  for (const [what, write] of [
    ['a malformed id', (body: Y.XmlFragment) => body.insert(0, [citation('not an id!')])],
    ['a number for the id', (body: Y.XmlFragment) => body.insert(0, [citation(42)])],
    [
      'an unknown attribute',
      (body: Y.XmlFragment) => {
        const element = citation(practiceId);
        element.setAttribute('onclick', 'alert(1)');
        body.insert(0, [element]);
      },
    ],
    [
      'text inside the atom',
      (body: Y.XmlFragment) => {
        const element = citation(practiceId);
        element.insert(0, [new Y.XmlText('smuggled')]);
        body.insert(0, [element]);
      },
    ],
    [
      'a citation inside a paragraph',
      (body: Y.XmlFragment) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [citation(practiceId)]);
        body.insert(0, [paragraph]);
      },
    ],
  ] as const) {
    it(`closes the socket with 4422 for ${what}, storing nothing of it`, async () => {
      const guideId = await createGuide(server);
      const mallory = connect(guideId);
      await whenSynced(mallory);
      write(mallory.doc.getXmlFragment('default'));
      await waitFor(() => expect(mallory.closeEvents).toContain(4422));
      const doc = new Y.Doc();
      Y.applyUpdate(doc, await stored(guideId));
      expect(doc.getXmlFragment('default').toString().toLowerCase()).not.toContain('citation');
    });
  }
});
