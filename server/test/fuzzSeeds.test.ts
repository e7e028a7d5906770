import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCodes, guideFragmentName } from '@draftroom/shared';
import { connectClient, openRawSocket, settle, whenSynced } from './helpers/clients.ts';
import { CraftedUpdates, refusedCraftedKinds, type CraftedKind } from './helpers/craftedUpdates.ts';
import { updateFrame } from './helpers/frames.ts';
import { seededRandom } from './helpers/hostileFrames.ts';
import { createGuide, startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';
import { queryTestDatabase } from '../testing/index.ts';

// Nothing that fails to apply is ever stored, over many seeds: each seed is a fresh guide on one
// server, an honest writer, and a few hundred updates crafted struct by struct. Afterwards every
// stored row of the guide applies, one by one, with nothing skipped and nothing pending, and the
// rows rebuild exactly the guide the server holds. (fuzz.test.ts is the long run of two seeds.)
const seeds = Array.from({ length: 20 }, (_, index) => 1_000 + index);
const framesPerSeed = Number(process.env.FUZZ_SEED_FRAMES ?? 250);

describe('nothing that fails to apply is stored, over 20 seeds', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false' });
  });
  afterAll(async () => server.cleanup());

  it.each(seeds)(
    'seed %i',
    async (seed) => {
      const documentId = await createGuide(server, `Seed ${seed}`);
      const writer = connectClient(server, documentId);
      await whenSynced(writer);
      const random = seededRandom(seed);
      const crafted = new CraftedUpdates(random);
      const wrongly: string[] = [];
      for (let frame = 0; frame < framesPerSeed; frame++) {
        if (frame % 25 === 0) writer.text.insert(writer.text.length, `${frame} `);
        const kind: CraftedKind = crafted.pickKind();
        const socket = await openRawSocket(server, documentId);
        socket.send(updateFrame(crafted.make(kind)));
        const code = await settle(socket);
        if (refusedCraftedKinds.has(kind) && code !== closeCodes.invalidUpdate) {
          wrongly.push(`${kind} → ${code}`);
        }
      }
      expect(wrongly).toEqual([]);
      const room = server.server.collab.rooms.get(documentId);
      await waitFor(() =>
        expect(room?.doc.getXmlFragment(guideFragmentName).toString()).toContain(writer.content()),
      );
      writer.destroy();

      const rows = await storedRows(server.databasePath, documentId);
      const rebuilt = new Y.Doc();
      if (rows.state) Y.applyUpdate(rebuilt, rows.state);
      let skipped = 0;
      for (const update of rows.updates) {
        try {
          Y.applyUpdate(rebuilt, update);
        } catch {
          skipped++;
        }
      }
      expect(skipped).toBe(0);
      expect(rebuilt.store.pendingStructs).toBeNull();
      expect(rebuilt.getXmlFragment(guideFragmentName).toString()).toBe(
        room?.doc.getXmlFragment(guideFragmentName).toString(),
      );
    },
    60_000,
  );
});

/** The guide's stored state and rows, read by a separate read-only connection. */
async function storedRows(databasePath: string, documentId: string) {
  const [row] = await queryTestDatabase<{ state: Buffer }>(
    databasePath,
    'SELECT state FROM document_states WHERE document_id = ?',
    [documentId],
  );
  const updates = (
    await queryTestDatabase<{ data: Buffer }>(
      databasePath,
      'SELECT data FROM document_updates WHERE document_id = ? ORDER BY seq',
      [documentId],
    )
  ).map((update) => new Uint8Array(update.data));
  return { state: row?.state ? new Uint8Array(row.state) : null, updates };
}
