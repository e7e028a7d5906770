import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { searchBackends } from '../../../test/helpers/searchBackends.ts';
import type { ConferenceStore } from '../../persistence/index.ts';
import { replaceContentWith } from '../versions/guideContent.ts';
import type { SearchIndex } from './searchIndex.ts';
import { searchUpdater, type SearchUpdater } from './searchUpdater.ts';

/** A guide's whole state with one paragraph of text, as the document host would give it. */
function stateWith(text: string): Uint8Array {
  const doc = new Y.Doc();
  replaceContentWith({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  })(doc);
  return Y.encodeStateAsUpdate(doc);
}

// The updater's promise to a restart: an edit that is stored is either in the index or marked
// stale, whatever moment it lands in (during a re-index, or while the server stops).
describe.each(searchBackends)('search updater ($name)', (backend) => {
  let store: ConferenceStore;
  let index: SearchIndex;
  let close: () => Promise<void>;
  let updater: SearchUpdater | undefined;
  const errors: unknown[] = [];
  beforeAll(() => backend.setUp());
  afterAll(() => backend.tearDown());
  beforeEach(async () => {
    ({ store, index, close } = await backend.open());
    await store.repositories.guides.create({
      id: 'g1',
      title: 'g1',
      createdAt: new Date().toISOString(),
    });
    errors.length = 0;
  });
  afterEach(async () => {
    updater?.close();
    await updater?.marksWritten();
    expect(errors).toEqual([]);
    await close();
  });

  const start = (readState: (guideId: string) => Promise<Uint8Array>) => {
    updater = searchUpdater({
      index,
      documents: { readState },
      // Long enough that the first re-index is over well before an edit's own one starts.
      quietMs: 1000,
      maxWaitMs: 5000,
      onError: (_guideId, error) => errors.push(error),
    });
    return updater;
  };

  it('leaves a guide stale when an edit is stored while its text is being read', async () => {
    let reads = 0;
    const search = start(async () => {
      reads += 1;
      // The first re-index's read: another edit is stored (and marked) before it finishes.
      if (reads === 1) {
        search.noteEdit('g1');
        await search.marksWritten();
      }
      return stateWith(`read ${reads}`);
    });
    search.noteEdit('g1');
    await search.marksWritten();
    await waitUntil(() => reads === 1);
    // The first re-index is done; the second is waiting on its timer. A crash now must not
    // lose the edit: the guide is still listed for the next start's pass.
    await waitUntil(async () => (await index.query('read', ['g1'], 5)).hits.length === 1);
    expect(await index.pending()).toEqual(['g1']);
    // The edit's own re-index clears it.
    await search.settled();
    expect(reads).toBe(2);
    expect(await index.pending()).toEqual([]);
  });

  it('marks edits stored while the server stops, for the next start', async () => {
    const search = start(async () => stateWith('indexed'));
    search.noteEdit('g1');
    await search.settled();
    expect(await index.pending()).toEqual([]);
    search.close();
    // The collaboration server's last flush, after search stopped re-indexing.
    search.noteEdit('g1');
    search.noteEdit('g1');
    await search.marksWritten();
    expect(await index.pending()).toEqual(['g1']);
  });
});

async function waitUntil(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('waited 2 s in vain');
}
