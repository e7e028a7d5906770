import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { guideFragmentName } from '@draftroom/shared';
import { ServerChangeRefused } from '../src/collab/updateAdmission.ts';
import { guideText, queryTestDatabase, readGuideText } from '../testing/index.ts';
import { connectClient, whenSynced, type HonestClient } from './helpers/clients.ts';
import { storedText } from './helpers/collabAccess.ts';
import { createGuide, startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

// The document host: the server changes and reads guides itself, through the same gate, storage
// and broadcast as a person's edit, whether the guide is loaded or not.
describe('document host', () => {
  let server: TestServer;
  const clients: HonestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.cleanup();
  });

  const start = async (env: Record<string, string> = {}) => {
    server = await startTestServer({ SEED_DEMO: 'false', IDLE_UNLOAD_MS: '50', ...env });
    return createGuide(server);
  };
  const connect = (documentId: string) => {
    const client = connectClient(server, documentId);
    clients.push(client);
    return client;
  };
  const storedRows = async (documentId: string) =>
    (
      await queryTestDatabase<{ count: number }>(
        server.databasePath,
        'SELECT count(*) AS count FROM document_updates WHERE document_id = ?',
        [documentId],
      )
    )[0]?.count;
  const host = () => server.server.collab.documents;

  it('changes a guide nobody has open: stored before it resolves, then unloaded', async () => {
    const documentId = await start();
    expect(server.server.collab.rooms.get(documentId)).toBeUndefined();
    const changed = await host().withDocument(documentId, (doc) => {
      guideText(doc).insert(0, 'Written by the server');
    });
    expect(changed).toBe(true);
    expect(await storedRows(documentId)).toBe(1);
    await waitFor(() => expect(server.server.collab.rooms.get(documentId)).toBeUndefined());

    const reader = connect(documentId);
    await whenSynced(reader);
    expect(reader.content()).toBe('Written by the server');
    const state = new Y.Doc();
    Y.applyUpdate(state, await host().readState(documentId));
    expect(readGuideText(state)).toBe('Written by the server');
  });

  it('reads a body in place: what everyone sees now, loaded for the read, nothing written', async () => {
    const documentId = await start();
    await host().withDocument(documentId, (doc) => guideText(doc).insert(0, 'Read in place'));
    await waitFor(() => expect(server.server.collab.rooms.get(documentId)).toBeUndefined());
    // Its unload may still be compacting the rows counted next.
    await server.server.collab.rooms.whenUnloaded(documentId);
    const before = await storedRows(documentId);
    const text = await host().readBody(documentId, (body) => body.toString());
    expect(text).toContain('Read in place');
    expect(await storedRows(documentId)).toBe(before);
    // The same guide as readState gives, and it unloads again after the read.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, await host().readState(documentId));
    expect(copy.getXmlFragment(guideFragmentName).toString()).toBe(text);
    await waitFor(() => expect(server.server.collab.rooms.get(documentId)).toBeUndefined());
  });

  it('sends a change live to everyone, merged with what they type meanwhile', async () => {
    const documentId = await start();
    const alice = connect(documentId);
    const bob = connect(documentId);
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    alice.text.insert(0, 'alice ');
    const serverChange = host().withDocument(documentId, (doc) => {
      const text = guideText(doc);
      text.insert(text.length, 'server ');
    });
    bob.text.insert(bob.text.length, 'bob');
    expect(await serverChange).toBe(true);
    await waitFor(() => {
      for (const client of [alice, bob]) {
        expect(client.content()).toContain('server ');
        expect(client.content()).toContain('alice ');
        expect(client.content()).toContain('bob');
      }
      expect(alice.content()).toBe(bob.content());
    });
    expect(alice.closeEvents).toEqual([]);
  });

  it('refuses a change that does not fit a guide, storing nothing and disturbing nobody', async () => {
    const documentId = await start();
    const alice = connect(documentId);
    await whenSynced(alice);
    alice.text.insert(0, 'kept');
    const room = server.server.collab.rooms.get(documentId);
    await waitFor(() => expect(readGuideText(room?.doc)).toBe('kept'));
    const rows = await storedRows(documentId);
    await expect(
      host().withDocument(documentId, (doc) => doc.getText('junk').insert(0, 'x')),
    ).rejects.toBeInstanceOf(ServerChangeRefused);
    expect(await host().withDocument(documentId, () => {})).toBe(false);
    expect(await storedRows(documentId)).toBe(rows);
    alice.text.insert(4, '!');
    await waitFor(async () => expect(await storedRows(documentId)).toBe((rows ?? 0) + 1));
    expect(alice.closeEvents).toEqual([]);
  });

  it('writes the demo conference’s guides through the host: checked, stored, served', async () => {
    server = await startTestServer({ SEED_DEMO: 'true' });
    const { guides } = await server.organiser.expect<{ guides: Array<{ id: string }> }>(
      200,
      'GET',
      '/api/guides',
    );
    expect(guides.length).toBeGreaterThan(0);
    for (const { id } of guides) expect(await storedRows(id)).toBe(1);
    const reader = connect(guides[0]?.id ?? '');
    await whenSynced(reader);
    expect(reader.doc.getXmlFragment(guideFragmentName).length).toBeGreaterThan(0);
  });

  it('tells plugged-in features about a guide’s life, in order, with who wrote what', async () => {
    const documentId = await start();
    const events: string[] = [];
    const unplug = host().use({
      loaded: (id) => events.push(`loaded ${id === documentId}`),
      connectionOpened: () => events.push('opened'),
      connectionClosed: () => events.push('closed'),
      persisted: (_id, updates) => {
        for (const { source } of updates) events.push(`persisted by ${source.kind}`);
      },
      compacted: (_id, seqs) => events.push(`compacted ${seqs.length > 0}`),
    });
    // A hook that throws is logged and skipped; the guide carries on.
    host().use({
      persisted: () => {
        throw new Error('a broken feature');
      },
    });
    const alice = connect(documentId);
    await whenSynced(alice);
    alice.text.insert(0, 'typed ');
    await waitFor(() => expect(events).toContain('persisted by connection'));
    await host().withDocument(documentId, (doc) => guideText(doc).insert(0, 'server '));
    await server.server.collab.rooms.get(documentId)?.compact();
    alice.destroy();
    await waitFor(() => expect(events).toContain('closed'));
    unplug();
    expect(events.filter((event) => !event.startsWith('persisted by connection'))).toEqual([
      'opened',
      'loaded true',
      'persisted by server',
      'compacted true',
      'closed',
    ]);
    expect(alice.closeEvents).toEqual([]);
  });

  it('lets a feature refuse updates before they are stored (a lock, say)', async () => {
    const documentId = await start();
    let locked = false;
    host().use({
      beforeAccept: (_id, _update, source) =>
        locked && source.kind === 'connection' ? 'The facilitator locked this guide' : null,
    });
    const alice = connect(documentId);
    await whenSynced(alice);
    alice.text.insert(0, 'before ');
    const room = server.server.collab.rooms.get(documentId);
    await waitFor(() => expect(readGuideText(room?.doc)).toBe('before '));
    const rows = await storedRows(documentId);

    locked = true;
    alice.text.insert(alice.text.length, 'while locked');
    await waitFor(() => expect(alice.closeEvents).toEqual([4403]));
    expect(await storedRows(documentId)).toBe(rows);
    // The server's own changes still go through.
    await host().withDocument(documentId, (doc) => guideText(doc).insert(0, 'server '));
    // Read from storage (withDocument resolves once its change is stored), not off `room`
    // above: its last socket closed, so it may be unloading and withDocument then loads afresh;
    // on PostgreSQL, where each step is a round trip, that happens.
    expect(await storedText(server.server, documentId)).toBe('server before ');
  });

  it('loses nothing when server changes race compactions', async () => {
    const documentId = await start({ COMPACT_AFTER_UPDATES: '3' });
    const alice = connect(documentId);
    await whenSynced(alice);
    const room = server.server.collab.rooms.get(documentId);
    const changes: Array<Promise<unknown>> = [];
    for (let index = 0; index < 40; index++) {
      changes.push(
        host().withDocument(documentId, (doc) => {
          const text = guideText(doc);
          text.insert(text.length, `s${index} `);
        }),
      );
      if (index % 5 === 0) changes.push(room?.compact() ?? Promise.resolve());
      alice.text.insert(alice.text.length, `a${index} `);
    }
    await Promise.all(changes);
    await waitFor(() => expect(readGuideText(room?.doc)).toBe(alice.content()));
    const expected = alice.content();
    for (let index = 0; index < 40; index++) {
      expect(expected).toContain(`s${index} `);
      expect(expected).toContain(`a${index} `);
    }

    alice.destroy();
    const dataDir = server.dataDir;
    await server.stop();
    server = await startTestServer({}, dataDir, server.organiser);
    const reader = connect(documentId);
    await whenSynced(reader);
    expect(reader.content()).toBe(expected);
  });
});
