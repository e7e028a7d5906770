import { afterAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { closeCodes } from '@draftroom/shared';
import { openPersistence } from '../src/persistence/index.ts';
import { connectClient, openRawSocket, whenSynced } from './helpers/clients.ts';
import {
  acceptedKinds,
  HostileFrames,
  seededRandom,
  type FrameKind,
} from './helpers/hostileFrames.ts';
import { createGuide, startTestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';
import { readGuideText } from '../testing/index.ts';

// Guarantee 5 under fire: 10,000+ generated hostile frames against a live server while honest
// people keep editing. The server stays up, honest clients keep syncing, offenders get documented
// close codes, and what is stored equals what the honest clients hold.
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const targetFrames = Number(process.env.FUZZ_FRAMES ?? 10_000);
const documentedCodes = new Set<number>(Object.values(closeCodes));

describe(`fuzzing the collaboration endpoint (seed ${seed})`, () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('survives hostile frames while honest clients keep editing', async () => {
    const server = await startTestServer({ SEED_DEMO: 'false' });
    cleanups.push(() => server.cleanup());
    const documentId = await createGuide(server, 'Fuzz target');
    const alice = connectClient(server, documentId);
    const bob = connectClient(server, documentId);
    await Promise.all([whenSynced(alice), whenSynced(bob)]);

    let honestEdits = 0;
    const typing = setInterval(() => {
      const writer = honestEdits % 2 === 0 ? alice : bob;
      writer.text.insert(writer.text.length, `${honestEdits++} `);
    }, 20);

    const generator = new HostileFrames(seededRandom(seed));
    const tally = { frames: 0, connections: 0, closes: new Map<number, number>() };
    const unexpected: string[] = [];
    const deadline = Date.now() + 60_000;
    const attacker = async () => {
      while (tally.frames < targetFrames && Date.now() < deadline) {
        const kind = generator.pickKind();
        const socket = await openRawSocket(server, documentId);
        tally.connections++;
        const count = acceptedKinds.has(kind) ? 50 : 1;
        for (let index = 0; index < count; index++) socket.send(generator.make(kind));
        tally.frames += count;
        const code = await settle(socket);
        tally.closes.set(code, (tally.closes.get(code) ?? 0) + 1);
        if (code !== 0 && !documentedCodes.has(code)) unexpected.push(`${kind} → ${code}`);
        if (code === 0 && rejectingKinds.has(kind)) unexpected.push(`${kind} was not refused`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, attacker));
    clearInterval(typing);

    console.log(
      `fuzz seed ${seed}: ${tally.frames} frames on ${tally.connections} connections; closes:`,
      Object.fromEntries(tally.closes),
    );
    expect(tally.frames).toBeGreaterThanOrEqual(targetFrames);
    expect(unexpected).toEqual([]);

    // The server is up and the honest clients were never disconnected and still converge.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(alice.closeEvents).toEqual([]);
    expect(bob.closeEvents).toEqual([]);
    alice.text.insert(0, 'after the storm ');
    await waitFor(() => expect(bob.content()).toBe(alice.content()));
    for (let edit = 0; edit < honestEdits; edit++) expect(alice.content()).toContain(`${edit} `);

    // What is stored loads, and equals what the honest clients hold.
    const expectedText = alice.content();
    const expectedState = Y.encodeStateVector(alice.doc);
    alice.destroy();
    bob.destroy();
    await server.stop();
    const persistence = await openPersistence(server.databasePath);
    const stored = await persistence.documents.load(documentId);
    await persistence.close();
    const reloaded = new Y.Doc();
    if (stored.state) Y.applyUpdate(reloaded, stored.state);
    // Load as the server does: a stored update that decoded but fails to apply is skipped.
    let poisoned = 0;
    Y.transact(reloaded, () => {
      for (const update of stored.updates) {
        try {
          Y.applyUpdate(reloaded, update.data);
        } catch {
          poisoned++;
        }
      }
    });
    if (poisoned > 0) console.log(`fuzz seed ${seed}: ${poisoned} stored updates failed to apply`);
    expect(readGuideText(reloaded)).toBe(expectedText);
    expect(Y.encodeStateVector(reloaded)).toEqual(expectedState);
  }, 120_000);
});

/** Kinds that must always get the connection closed (the rest may be accepted). */
const rejectingKinds: ReadonlySet<FrameKind> = new Set([
  'truncated_varint',
  'huge_length_prefix',
  'wrong_message_type',
  'undecodable_update',
  'bad_awareness',
]);

/**
 * Waits until the server has dealt with everything sent: either it closes the socket (its code)
 * or it answers a ping (0: still open, the frames were accepted), then closes our side.
 */
function settle(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    const done = (code: number) => {
      socket.removeAllListeners('pong');
      if (socket.readyState === socket.OPEN) socket.close();
      resolve(code);
    };
    socket.once('close', (code) => done(code));
    socket.once('pong', () => done(0));
    if (socket.readyState === socket.OPEN) socket.ping();
  });
}
