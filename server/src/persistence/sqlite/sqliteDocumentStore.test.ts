import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPersistence } from '../index.ts';
import type { DocumentStore } from '../documentStore.ts';

// The document store on a real SQLite file: batches keep their order and get increasing
// sequence numbers across multi-row statements; compaction deletes exactly the rows it merged.
describe('SQLite document store', () => {
  let dir: string;
  let store: DocumentStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'draftroom-store-'));
    store = (await openPersistence(join(dir, 'store.sqlite'))).documents;
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends a large interleaved batch in order with the sequence numbers it reports', async () => {
    const entries = Array.from({ length: 150 }, (_, index) => ({
      documentId: index % 3 === 0 ? 'a' : 'b',
      update: Uint8Array.of(index % 256, 7),
    }));
    const seqs = await store.appendBatch(entries);
    expect(seqs).toHaveLength(150);
    expect(seqs.every((seq, index) => index === 0 || seq > (seqs[index - 1] as number))).toBe(true);

    const a = await store.load('a');
    expect(a.state).toBeNull();
    expect(a.updates.map((row) => row.data[0])).toEqual(
      entries.filter((entry) => entry.documentId === 'a').map((entry) => entry.update[0]),
    );
    expect(a.updates.map((row) => row.seq)).toEqual(seqs.filter((_, index) => index % 3 === 0));
  });

  it('compacts exactly the rows it is given, keeping any other row and other documents', async () => {
    const seqs = await store.appendBatch([
      { documentId: 'a', update: Uint8Array.of(1) },
      { documentId: 'a', update: Uint8Array.of(2) },
      { documentId: 'b', update: Uint8Array.of(3) },
      { documentId: 'a', update: Uint8Array.of(4) },
      { documentId: 'a', update: Uint8Array.of(5) },
    ]);
    // Rows 1 and 5 are in the state; row 4 (appended by someone else) is not, though older.
    await store.compact('a', Uint8Array.of(9, 9), [seqs[0] as number, seqs[4] as number]);
    const a = await store.load('a');
    expect(Array.from(a.state ?? [])).toEqual([9, 9]);
    expect(a.updates.map((row) => Array.from(row.data))).toEqual([[2], [4]]);
    expect((await store.load('b')).updates).toHaveLength(1);
    expect(await store.storedBytes('a')).toBe(4);
  });
});
