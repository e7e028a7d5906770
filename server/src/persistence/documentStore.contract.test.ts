// The DocumentStore contract (documentStore.ts), one body for both stores: on a SQLite file in
// the default run, on a fresh PostgreSQL database in the DRAFTROOM_TEST_BACKEND=postgres run.
// Real databases, real Yjs documents; nothing mocked.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { onPostgres, removeTestData, testBackend, testDatabaseUrl } from '../../testing/index.ts';
import { openPersistence, type Persistence } from './index.ts';

/** Reads a table directly, beside the store (rows as the database holds them). */
async function rows(url: string, query: string): Promise<Record<string, unknown>[]> {
  if (!onPostgres) {
    const db = new Database(url, { readonly: true });
    try {
      return db.prepare(query).all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(query)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

/** A Yjs document whose client id is fixed, and its updates as they are made. */
function writer(clientId: number) {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, updates, text: doc.getText('t') };
}

function textOf(stored: { state: Uint8Array | null; updates: { data: Uint8Array }[] }): string {
  const doc = new Y.Doc();
  if (stored.state) Y.applyUpdate(doc, stored.state);
  for (const update of stored.updates) Y.applyUpdate(doc, update.data);
  return doc.getText('t').toString();
}

describe(`DocumentStore contract (${testBackend})`, () => {
  let dataDir: string;
  let url: string;
  let persistence: Persistence;
  const opened: Persistence[] = [];

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'draftroom-contract-'));
    url = await testDatabaseUrl(dataDir, 'store.sqlite');
    persistence = await openPersistence(url);
    opened.push(persistence);
  });
  afterEach(async () => {
    for (const each of opened.splice(0)) await each.close();
    await removeTestData(dataDir);
  });

  it('says which database it is', () => {
    expect(persistence.dialect).toBe(testBackend);
  });

  it('appends a large interleaved batch in order, with the sequence numbers it reports', async () => {
    const entries = Array.from({ length: 1500 }, (_, index) => ({
      documentId: index % 3 === 0 ? 'a' : 'b',
      update: Uint8Array.of(index % 256, index >> 8, 7),
    }));
    const seqs = await persistence.documents.appendBatch(entries);
    expect(seqs).toHaveLength(1500);
    expect(seqs.every((seq, index) => index === 0 || seq > (seqs[index - 1] as number))).toBe(true);

    const a = await persistence.documents.load('a');
    expect(a.state).toBeNull();
    expect(a.updates.map((row) => Array.from(row.data))).toEqual(
      entries.filter((entry) => entry.documentId === 'a').map((entry) => Array.from(entry.update)),
    );
    expect(a.updates.map((row) => row.seq)).toEqual(seqs.filter((_, index) => index % 3 === 0));
    // Bytes come back as bytes (Buffer is a Uint8Array), sequence numbers as numbers.
    expect(a.updates[0]?.data).toBeInstanceOf(Uint8Array);
    expect(typeof a.updates[0]?.seq).toBe('number');
  });

  it('stores a batch whole or not at all, with who wrote it', async () => {
    const author = { authorId: 'person-1', clientIds: [7, 4_294_967_295] };
    const bad = [
      { documentId: 'a', update: Uint8Array.of(1), author },
      // document_id is NOT NULL: the database refuses this row, and with it the whole batch.
      { documentId: null as unknown as string, update: Uint8Array.of(2), author },
    ];
    await expect(persistence.documents.appendBatch(bad)).rejects.toThrow();
    expect((await persistence.documents.load('a')).updates).toEqual([]);
    expect(await persistence.repositories.contributions.forGuide('a')).toEqual([]);
    expect(await rows(url, 'SELECT client_id FROM document_contributor_clients')).toEqual([]);

    // The same authors again, now fine: the client ids the failed batch held are written (a
    // rolled-back row is not remembered as written).
    const seqs = await persistence.documents.appendBatch([
      { documentId: 'a', update: Uint8Array.of(1, 1), author },
      { documentId: 'a', update: Uint8Array.of(2, 2, 2), author },
      { documentId: 'a', update: Uint8Array.of(3) },
    ]);
    expect(await persistence.repositories.contributions.forGuide('a')).toMatchObject([
      { authorId: 'person-1', updates: 2, bytes: 5 },
    ]);
    const minutes = await rows(url, 'SELECT first_seq, last_seq FROM document_contributions');
    expect(minutes.map((row) => [Number(row.first_seq), Number(row.last_seq)])).toEqual([
      [seqs[0], seqs[1]],
    ]);
    const clients = await rows(
      url,
      'SELECT client_id, author_id FROM document_contributor_clients ORDER BY client_id',
    );
    expect(clients.map((row) => [Number(row.client_id), row.author_id])).toEqual([
      [7, 'person-1'],
      [4_294_967_295, 'person-1'],
    ]);
  });

  it('records each author of an interleaved batch with their own first and last rows', async () => {
    const amina = { authorId: 'amina', clientIds: [11] };
    const bashir = { authorId: 'bashir', clientIds: [12, 13] };
    // Two guides, two authors, and a row with no author, interleaved in one batch.
    const entries = [
      { documentId: 'b', update: Uint8Array.of(1), author: bashir },
      { documentId: 'a', update: Uint8Array.of(2, 2), author: amina },
      { documentId: 'a', update: Uint8Array.of(3, 3, 3), author: bashir },
      { documentId: 'a', update: Uint8Array.of(4) },
      { documentId: 'a', update: Uint8Array.of(5, 5, 5, 5), author: amina },
      { documentId: 'b', update: Uint8Array.of(6, 6), author: bashir },
    ];
    const seqs = await persistence.documents.appendBatch(entries);
    const minutes = await rows(
      url,
      `SELECT document_id, author_id, updates, bytes, first_seq, last_seq
         FROM document_contributions ORDER BY document_id, author_id`,
    );
    expect(
      minutes.map((row) => [
        row.document_id,
        row.author_id,
        Number(row.updates),
        Number(row.bytes),
        Number(row.first_seq),
        Number(row.last_seq),
      ]),
    ).toEqual([
      ['a', 'amina', 2, 6, seqs[1], seqs[4]],
      ['a', 'bashir', 1, 3, seqs[2], seqs[2]],
      ['b', 'bashir', 2, 3, seqs[0], seqs[5]],
    ]);
    const clients = await rows(
      url,
      `SELECT document_id, client_id, author_id FROM document_contributor_clients
        ORDER BY document_id, client_id`,
    );
    expect(clients.map((row) => [row.document_id, Number(row.client_id), row.author_id])).toEqual([
      ['a', 11, 'amina'],
      ['a', 12, 'bashir'],
      ['a', 13, 'bashir'],
      ['b', 12, 'bashir'],
      ['b', 13, 'bashir'],
    ]);
  });

  it('compacts exactly the rows it is given, keeping rows another writer appends meanwhile', async () => {
    const first = writer(1);
    for (let index = 0; index < 20; index++) first.text.insert(0, `x${index} `);
    const seqs = await persistence.documents.appendBatch(
      first.updates.map((update) => ({ documentId: 'g', update })),
    );
    const other = writer(2);
    const appending = (async () => {
      const appended: number[] = [];
      for (let index = 0; index < 20; index++) {
        other.text.insert(0, `y${index} `);
        const update = other.updates.at(-1) as Uint8Array;
        appended.push(...(await persistence.documents.appendBatch([{ documentId: 'g', update }])));
      }
      return appended;
    })();
    await persistence.documents.compact('g', Y.encodeStateAsUpdate(first.doc), seqs);
    const appended = await appending;

    const stored = await persistence.documents.load('g');
    expect(stored.updates.map((row) => row.seq)).toEqual(appended);
    const expected = new Y.Doc();
    Y.applyUpdate(expected, Y.encodeStateAsUpdate(first.doc));
    Y.applyUpdate(expected, Y.encodeStateAsUpdate(other.doc));
    expect(textOf(stored)).toBe(expected.getText('t').toString());
  });

  it('compacts rows out of sequence order, leaving an older row it was not given', async () => {
    const seqs = await persistence.documents.appendBatch([
      { documentId: 'a', update: Uint8Array.of(1) },
      { documentId: 'a', update: Uint8Array.of(2) },
      { documentId: 'b', update: Uint8Array.of(3) },
      { documentId: 'a', update: Uint8Array.of(4) },
    ]);
    const state = Y.encodeStateAsUpdate(new Y.Doc());
    await persistence.documents.compact('a', state, [seqs[0] as number, seqs[3] as number]);
    const a = await persistence.documents.load('a');
    expect(a.state).not.toBeNull();
    expect(a.updates.map((row) => Array.from(row.data))).toEqual([[2]]);
    expect((await persistence.documents.load('b')).updates).toHaveLength(1);
  });

  it('quarantines the rows it is given, keeping them with the reason', async () => {
    const seqs = await persistence.documents.appendBatch([
      { documentId: 'a', update: Uint8Array.of(1) },
      { documentId: 'a', update: Uint8Array.of(2) },
      { documentId: 'a', update: Uint8Array.of(3) },
    ]);
    await persistence.documents.quarantine('a', [seqs[1] as number], 'cannot be applied');
    expect((await persistence.documents.load('a')).updates.map((row) => row.seq)).toEqual([
      seqs[0],
      seqs[2],
    ]);
    const kept = await rows(url, 'SELECT seq, document_id, data, reason FROM document_quarantine');
    expect(
      kept.map((row) => [
        Number(row.seq),
        row.document_id,
        Array.from(row.data as Uint8Array),
        row.reason,
      ]),
    ).toEqual([[seqs[1], 'a', [2], 'cannot be applied']]);
  });

  it('counts the stored bytes of a document: state plus appended updates', async () => {
    expect(await persistence.documents.storedBytes('a')).toBe(0);
    const seqs = await persistence.documents.appendBatch([
      { documentId: 'a', update: Uint8Array.of(1, 2, 3) },
      { documentId: 'a', update: Uint8Array.of(4, 5) },
      { documentId: 'b', update: Uint8Array.of(6) },
    ]);
    expect(await persistence.documents.storedBytes('a')).toBe(5);
    const state = Y.encodeStateAsUpdate(new Y.Doc());
    await persistence.documents.compact('a', state, [seqs[0] as number]);
    const stored = await persistence.documents.load('a');
    expect(await persistence.documents.storedBytes('a')).toBe((stored.state?.length ?? 0) + 2);
  });

  it.runIf(onPostgres)(
    'loses nothing when two instances compact the same guide at once',
    async () => {
      // Two pools on one database: two server instances. Each has edits the other never saw.
      const second = await openPersistence(url);
      opened.push(second);
      const one = writer(11);
      const two = writer(22);
      for (let round = 0; round < 5; round++) {
        for (let index = 0; index < 10; index++) {
          one.text.insert(0, `a${round}.${index} `);
          two.text.insert(0, `b${round}.${index} `);
        }
        const seqsOne = await persistence.documents.appendBatch(
          one.updates.splice(0).map((update) => ({ documentId: 'g', update })),
        );
        const seqsTwo = await second.documents.appendBatch(
          two.updates.splice(0).map((update) => ({ documentId: 'g', update })),
        );
        // Each compacts with its own document, which lacks the other's edits.
        await Promise.all([
          persistence.documents.compact('g', Y.encodeStateAsUpdate(one.doc), seqsOne),
          second.documents.compact('g', Y.encodeStateAsUpdate(two.doc), seqsTwo),
        ]);
      }
      const stored = await persistence.documents.load('g');
      expect(stored.updates).toEqual([]);
      const expected = new Y.Doc();
      Y.applyUpdate(expected, Y.encodeStateAsUpdate(one.doc));
      Y.applyUpdate(expected, Y.encodeStateAsUpdate(two.doc));
      expect(textOf(stored)).toBe(expected.getText('t').toString());
      expect(textOf(stored)).toContain('a4.9');
      expect(textOf(stored)).toContain('b4.9');
    },
  );
});
