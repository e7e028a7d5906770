import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, whenSynced } from './helpers/clients.ts';
import { createGuide, startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';
import { guideText, queryTestDatabase, readGuideText } from '../testing/index.ts';

// Guarantee 3, bounded storage: appended updates are merged into one state row once they pass a
// threshold, so stored size and load time follow the document, not its history.
describe('compaction', () => {
  let server: TestServer | undefined;
  afterEach(async () => server?.cleanup());

  async function storedRows(databasePath: string, documentId: string) {
    const [updates] = await queryTestDatabase<{ count: number }>(
      databasePath,
      'SELECT count(*) AS count FROM document_updates WHERE document_id = ?',
      [documentId],
    );
    const [state] = await queryTestDatabase<{ bytes: number }>(
      databasePath,
      'SELECT length(state) AS bytes FROM document_states WHERE document_id = ?',
      [documentId],
    );
    return { updates: updates?.count ?? 0, stateBytes: state?.bytes ?? 0 };
  }

  it('merges appended updates into one state row past the threshold, losing nothing', async () => {
    server = await startTestServer({ COMPACT_AFTER_UPDATES: '50', SEED_DEMO: 'false' });
    const documentId = await createGuide(server);
    const writer = connectClient(server, documentId);
    await whenSynced(writer);
    for (let index = 0; index < 175; index++) writer.text.insert(writer.text.length, `${index} `);
    const room = () => server?.server.collab.rooms.get(documentId);
    await waitFor(() => expect(readGuideText(room()?.doc)).toBe(writer.content()));

    // The last catch-up compaction runs a turn after the last update is applied.
    await waitFor(async () => {
      const rows = await storedRows(server?.databasePath ?? '', documentId);
      expect(rows.stateBytes).toBeGreaterThan(0);
      // Each room's threshold is the configured one ±25 % (staggered compactions).
      expect(rows.updates).toBeLessThan(50 * 1.25);
    });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/draftroom_compactions_total [1-9]/);

    const expected = writer.content();
    writer.destroy();
    const dataDir = server.dataDir;
    await server.stop();
    server = await startTestServer({}, dataDir, server.organiser);
    const reader = connectClient(server, documentId);
    await whenSynced(reader);
    expect(reader.content()).toBe(expected);
    // After compaction the store holds about the encoded state, not the whole history.
    const stored = await storedRows(server.databasePath, documentId);
    const encodedState = Y.encodeStateAsUpdate(reader.doc).length;
    reader.destroy();
    expect(stored.stateBytes).toBeLessThanOrEqual(2 * encodedState);
  });

  it('deletes only the rows in the state it writes: a row appended behind the room survives', async () => {
    server = await startTestServer({ COMPACT_AFTER_UPDATES: '100000', SEED_DEMO: 'false' });
    const documentId = await createGuide(server);
    const writer = connectClient(server, documentId);
    await whenSynced(writer);
    writer.text.insert(0, 'before ');
    const room = () => server?.server.collab.rooms.get(documentId);
    await waitFor(() => expect(readGuideText(room()?.doc)).toBe('before '));

    // Another writer of the store (a server-side change, a second instance): its row is stored
    // but this room never applied it, so it is not in the state the room compacts.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(writer.doc));
    const known = Y.encodeStateVector(other);
    guideText(other).insert(0, 'elsewhere ');
    await server.server.persistence.documents.appendBatch([
      { documentId, update: Y.encodeStateAsUpdate(other, known) },
    ]);
    // Newer rows from the room's own peer, so the foreign row sits below the room's latest.
    writer.text.insert(writer.text.length, 'after');
    await waitFor(() => expect(readGuideText(room()?.doc)).toBe('before after'));
    await room()?.compact();

    writer.destroy();
    const dataDir = server.dataDir;
    await server.stop();
    server = await startTestServer({}, dataDir, server.organiser);
    const reader = connectClient(server, documentId);
    await whenSynced(reader);
    expect(reader.content()).toBe('elsewhere before after');
    reader.destroy();
  });
});
