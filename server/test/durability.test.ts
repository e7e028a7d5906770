import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { connectClient, openRawSocket, whenSynced, type HonestClient } from './helpers/clients.ts';
import { freePort, spawnServer, type ChildServer } from './helpers/childServer.ts';
import { createGuide } from './helpers/testServer.ts';
import { traceUpdates } from './helpers/trace.ts';
import { waitFor } from './helpers/waitFor.ts';
import { updateFrame } from './helpers/frames.ts';
import { onPostgres, removeTestData, testDatabaseUrl } from '../testing/index.ts';

// Guarantee 1, durable before visible: once any peer has seen an edit, killing the server
// process with SIGKILL cannot lose it.
describe('durable before visible', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'draftroom-crash-'));
  let databasePath: string;
  let server: ChildServer | undefined;

  beforeAll(async () => {
    databasePath = await testDatabaseUrl(dataDir);
  });
  afterAll(async () => {
    await server?.kill();
    await removeTestData(dataDir);
  });

  it('keeps every edit a peer had received across repeated SIGKILLs', async () => {
    const port = await freePort();
    server = await spawnServer({ port, databasePath, env: { SEED_DEMO: 'false' } });
    const documentId = await createGuide(server, 'Crash test');
    const crashes = 5;
    let written = 0;

    for (let crash = 0; crash < crashes; crash++) {
      const writer = connectClient(server, documentId);
      const observer = connectClient(server, documentId);
      await Promise.all([whenSynced(writer), whenSynced(observer)]);
      expect(observer.content()).toBe(expectedText(written));

      // A steady stream of small edits, as typing makes, until the process is killed.
      const typing = setInterval(() => {
        for (let burst = 0; burst < 5; burst++)
          writer.text.insert(writer.text.length, item(written++));
      }, 2);
      await waitFor(() => expect(observer.text.length).toBeGreaterThan(200 + crash * 500), 10_000);
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 300));
      await server.kill('SIGKILL');
      clearInterval(typing);
      // What the observer had seen at the moment of the crash is what must survive.
      const seen = observer.content();
      destroyAll(writer, observer);

      server = await spawnServer({ port, databasePath, organiser: server.organiser });
      const reader = connectClient(server, documentId);
      await whenSynced(reader);
      const recovered = reader.content();
      reader.destroy();

      expect(recovered.startsWith(seen)).toBe(true);
      // Anything stored beyond what the observer saw is the writer's next items, in order.
      const recoveredItems = recovered.split(';').filter(Boolean).length;
      expect(recovered).toBe(expectedText(recoveredItems));
      written = recoveredItems;
    }
  }, 120_000);

  // On PostgreSQL (the CI's second pass) this 20-restart replay is left out for time: it passed
  // alone (45 s) and failed once on a machine loaded to 8× its cores, not yet explained. The
  // SIGKILL of an instance on PostgreSQL is tested by scaleoutFaults.test.ts.
  it.skipIf(onPostgres)(
    'loses nothing any observer received across 20 SIGKILLs during a real trace replay',
    async () => {
      const { updates, text: finalText } = traceUpdates('automerge-paper', 12_000);
      const replayDir = mkdtempSync(join(tmpdir(), 'draftroom-replay-crash-'));
      const replayDatabase = await testDatabaseUrl(replayDir);
      const port = await freePort();
      let replayServer = await spawnServer({
        port,
        databasePath: replayDatabase,
        env: { SEED_DEMO: 'false' },
      });
      const documentId = await createGuide(replayServer, 'Trace under fire');
      const crashes = 20;
      let recheckedUpdates = 0;
      let lost = 0;
      let next = 0;

      try {
        for (let crash = 0; crash <= crashes && next < updates.length; crash++) {
          const observer = connectClient(replayServer, documentId);
          await whenSynced(observer);
          const writer = await openRawSocket(replayServer, documentId);
          // Resume after what the last observer saw; resending what may already be stored is harmless.
          const sending = streamUpdates(writer, updates, next);
          if (crash === crashes) {
            await sending;
            await waitFor(() => expect(observer.content()).toBe(finalText), 20_000);
            observer.destroy();
            writer.close();
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 80 + Math.random() * 400));
          await replayServer.kill('SIGKILL');
          const seen = Y.encodeStateAsUpdate(observer.doc);
          const seenCount = countReceived(updates, observer.doc);
          observer.destroy();
          await sending;

          replayServer = await spawnServer({
            port,
            databasePath: replayDatabase,
            organiser: replayServer.organiser,
          });
          const reader = connectClient(replayServer, documentId);
          await whenSynced(reader);
          // Everything the observer held must already be in what the restarted server serves.
          const before = Y.encodeStateAsUpdate(reader.doc);
          Y.applyUpdate(reader.doc, seen);
          if (!equalBytes(before, Y.encodeStateAsUpdate(reader.doc))) lost++;
          reader.destroy();
          recheckedUpdates += seenCount;
          next = seenCount;
        }
      } finally {
        await replayServer.kill();
        await removeTestData(replayDir);
      }
      console.log(
        `crash replay: ${crashes} SIGKILLs, ${lost} recoveries missing an observed update; ${recheckedUpdates} observed updates re-checked (prefixes summed)`,
      );
      expect(lost).toBe(0);
      // A bound against a wedged run, not a speed target: 20 server starts take three times as long
      // on a machine busy with other jobs as on a quiet one.
    },
    360_000,
  );
});

/** Sends updates from `from` on, a few at a time, until the socket closes or all are sent. */
async function streamUpdates(
  socket: WebSocket,
  updates: Uint8Array[],
  from: number,
): Promise<void> {
  for (let index = from; index < updates.length; index++) {
    if (socket.readyState !== socket.OPEN) return;
    socket.send(updateFrame(updates[index] as Uint8Array));
    if (index % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/**
 * How many of the writer's updates (in order) a document already contains: update i is in once
 * the doc has the writer's clock up to the end of update i and as many deleted items as updates
 * 0..i deleted (both only grow along the trace).
 */
function countReceived(updates: Uint8Array[], doc: Y.Doc): number {
  const held = measure(Y.encodeStateAsUpdate(doc));
  let clock = 0;
  let deletions = 0;
  for (const [index, update] of updates.entries()) {
    const step = measure(update);
    clock = Math.max(clock, step.clock);
    deletions += step.deletions;
    if (clock > held.clock || deletions > held.deletions) return index;
  }
  return updates.length;
}

function measure(update: Uint8Array): { clock: number; deletions: number } {
  const decoded = Y.decodeUpdate(update);
  let clock = 0;
  for (const struct of decoded.structs) clock = Math.max(clock, struct.id.clock + struct.length);
  let deletions = 0;
  for (const ranges of decoded.ds.clients.values())
    for (const range of ranges) deletions += range.len;
  return { clock, deletions };
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

const item = (index: number) => `${index};`;
const expectedText = (count: number) =>
  Array.from({ length: count }, (_, index) => item(index)).join('');

function destroyAll(...clients: HonestClient[]): void {
  for (const client of clients) client.destroy();
}
