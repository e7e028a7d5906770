import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCodes, guideFragmentName } from '@draftroom/shared';
import { validateUpdate } from '../src/collab/validation/validateUpdate.ts';
import { guideText, queryTestDatabase, readGuideText } from '../testing/index.ts';
import {
  connectClient,
  openRawSocket,
  whenClosed,
  whenSynced,
  type HonestClient,
} from './helpers/clients.ts';
import { startCollabOnly, type CollabOnly } from './helpers/collabOnly.ts';
import { knownKillers } from './helpers/craftedUpdates.ts';
import { updateFrame } from './helpers/frames.ts';
import { waitFor } from './helpers/waitFor.ts';

// Behind the validator: if a stored update ever fails to apply (written before validation
// existed, or slipped past it), it costs only its sender. The guide still loads without it, the
// process and everyone else's connection stay up, and compaction never writes a state that does
// not load back.
const demoId = 'remote-plenary-sittings';
const counter = async (server: CollabOnly, name: string) =>
  (await server.metrics.registry.getSingleMetric(name)?.get())?.values[0]?.value ?? 0;

describe('defence in depth', () => {
  let server: CollabOnly | undefined;
  const clients: HonestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.close();
    server = undefined;
  });

  it('quarantines a stored row that fails to load, and loads the rest of the guide', async () => {
    server = await startCollabOnly();
    const { documents } = server.persistence;
    // Rows as an older server stored them: an honest edit, the update that crashed the process,
    // and another honest edit after it.
    const writer = new Y.Doc();
    const [before] = await documents.appendBatch([
      {
        documentId: demoId,
        update: captured(writer, () => guideText(writer).insert(0, 'Kept before. ')),
      },
    ]);
    const [poison] = await documents.appendBatch([
      { documentId: demoId, update: knownKillers.zeroLengthDeletedOnJunkRoot },
    ]);
    await documents.appendBatch([
      {
        documentId: demoId,
        update: captured(writer, () => guideText(writer).insert(13, 'Kept after.')),
      },
    ]);

    const reader = connectClient(server.target, demoId);
    clients.push(reader);
    await whenSynced(reader);
    expect(reader.content()).toBe('Kept before. Kept after.');
    expect(reader.doc.getXmlFragment(guideFragmentName).toString()).toContain(
      'Running remote plenary sittings',
    );
    expect(await counter(server, 'draftroom_updates_quarantined_total')).toBe(1);
    // Set aside, not deleted: the row is in the quarantine table with its reason.
    const stored = await documents.load(demoId);
    expect(stored.updates.map((row) => row.seq)).not.toContain(poison);
    expect(stored.updates.map((row) => row.seq)).toContain(before);
    expect(await quarantined(server)).toEqual([
      { seq: poison, reason: 'failed to apply when the guide loaded' },
    ]);
  });

  it('closes only the sender when a stored update fails to apply, and rebuilds the guide without it', async () => {
    // The validator waves everything through here, so the crashing update is stored.
    server = await startCollabOnly({
      validateUpdate: (decoded, context) => {
        const verdict = validateUpdate(decoded, context);
        return verdict.kind === 'refuse' ? { kind: 'accept', structs: [], newStructs: 0 } : verdict;
      },
    });
    const alice = connectClient(server.target, demoId);
    const bob = connectClient(server.target, demoId);
    clients.push(alice, bob);
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    alice.text.insert(0, 'Before the attack. ');
    await waitFor(() => expect(bob.content()).toBe('Before the attack. '));

    const attacker = await openRawSocket(server.target, demoId);
    attacker.send(updateFrame(knownKillers.zeroLengthDeletedOnJunkRoot));
    expect((await whenClosed(attacker)).code).toBe(closeCodes.invalidUpdate);
    expect(await counter(server, 'draftroom_update_apply_failures_total')).toBe(1);

    // Everyone else stayed connected and keeps editing in the rebuilt guide.
    bob.text.insert(bob.text.length, 'After it.');
    await waitFor(() => expect(alice.content()).toBe('Before the attack. After it.'));
    expect(alice.closeEvents).toEqual([]);
    expect(bob.closeEvents).toEqual([]);
    const room = server.collab.rooms.get(demoId);
    expect(readGuideText(room?.doc)).toBe('Before the attack. After it.');
    expect(room?.doc.share.has('junk')).toBe(false);
    expect(await quarantined(server)).toHaveLength(1);
  });
});

function captured(doc: Y.Doc, edit: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const capture = (update: Uint8Array) => updates.push(update);
  doc.on('update', capture);
  edit();
  doc.off('update', capture);
  return Y.mergeUpdates(updates);
}

function quarantined(server: CollabOnly): Promise<Array<{ seq: number; reason: string }>> {
  return queryTestDatabase<{ seq: number; reason: string }>(
    server.databasePath,
    'SELECT seq, reason FROM document_quarantine ORDER BY seq',
  );
}
