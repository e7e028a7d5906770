import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { messageTypes, syncMessageTypes } from '@draftroom/shared';
import { openRawSocket } from './helpers/clients.ts';
import { createGuide, startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';
import { updateFrame } from './helpers/frames.ts';
import { metric } from './helpers/fixtures.ts';
import { readGuideText, guideText } from '../testing/index.ts';

// Peers on different sockets can deliver causally related edits out of order. The server holds
// the early one, unstored and unseen, until its dependency arrives; then it is stored and
// everyone converges.
describe('edits that arrive before their dependencies', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ SEED_DEMO: 'false' });
  });
  afterEach(() => server.cleanup());

  it('holds an edit until its dependency arrives, then every peer converges', async () => {
    const documentId = await createGuide(server);
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    const aliceEdit = captureUpdate(alice, () => guideText(alice).insert(0, 'Hello'));
    Y.applyUpdate(bob, aliceEdit); // Bob saw Alice's edit out of band (e.g. another server)
    const bobEdit = captureUpdate(bob, () => guideText(bob).insert(5, ', world'));

    const aliceSocket = await openRawSocket(server, documentId);
    const bobSocket = await openRawSocket(server, documentId);
    const bobReceived = collectUpdates(bobSocket);
    const aliceReceived = collectUpdates(aliceSocket);

    bobSocket.send(updateFrame(bobEdit)); // depends on Alice's edit, which the server lacks
    const room = () => server.server.collab.rooms.get(documentId);
    await waitFor(async () =>
      expect(await metric(server.url, 'draftroom_updates_parked_total')).toBe(1),
    );
    // Held, not stored: nobody can see it, and a crash now would lose nothing anyone saw.
    expect((await server.server.persistence.documents.load(documentId)).updates).toEqual([]);
    expect(readGuideText(room()?.doc)).toBe('');
    aliceSocket.send(updateFrame(aliceEdit));

    await waitFor(() => expect(readGuideText(room()?.doc)).toBe('Hello, world'));
    const bobView = new Y.Doc();
    const aliceView = new Y.Doc();
    Y.applyUpdate(bobView, bobEdit); // each has their own edit already
    Y.applyUpdate(aliceView, aliceEdit);
    await waitFor(() => {
      for (const update of bobReceived) Y.applyUpdate(bobView, update);
      for (const update of aliceReceived) Y.applyUpdate(aliceView, update);
      expect(readGuideText(bobView)).toBe('Hello, world');
      expect(readGuideText(aliceView)).toBe('Hello, world');
    });
    aliceSocket.close();
    bobSocket.close();
  });
});

/** Everything `edit` changes in `doc`, as one update. */
function captureUpdate(doc: Y.Doc, edit: () => void): Uint8Array {
  const captured: Uint8Array[] = [];
  const capture = (update: Uint8Array) => captured.push(update);
  doc.on('update', capture);
  edit();
  doc.off('update', capture);
  if (captured.length === 0) throw new Error('the edit produced no update');
  return Y.mergeUpdates(captured);
}

/** Every update the server sends this socket (step 2 answers and broadcasts). */
function collectUpdates(socket: WebSocket): Uint8Array[] {
  const updates: Uint8Array[] = [];
  socket.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== messageTypes.sync) return;
    if (decoding.readVarUint(decoder) === syncMessageTypes.step1) return;
    updates.push(decoding.readVarUint8Array(decoder));
  });
  return updates;
}
