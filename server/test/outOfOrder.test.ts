import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { messageTypes, syncMessageTypes } from '@draftroom/shared';
import { openRawSocket } from './helpers/clients.ts';
import { createGuide, startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';
import { updateFrame } from './helpers/frames.ts';

// Peers on different sockets can deliver causally related edits out of order. The server holds
// the early one until its dependency arrives, and then everyone, including the peer whose edit
// was held, must receive what was released.
describe('edits that arrive before their dependencies', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ SEED_DEMO: 'false' });
  });
  afterEach(() => server.cleanup());

  it('delivers released edits to every peer, the one that sent the dependent edit too', async () => {
    const documentId = await createGuide(server);
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    const aliceEdit = captureUpdate(alice, () => alice.getText('t').insert(0, 'Hello'));
    Y.applyUpdate(bob, aliceEdit); // Bob saw Alice's edit out of band (e.g. another server)
    const bobEdit = captureUpdate(bob, () => bob.getText('t').insert(5, ', world'));

    const aliceSocket = await openRawSocket(server, documentId);
    const bobSocket = await openRawSocket(server, documentId);
    const bobReceived = collectUpdates(bobSocket);
    const aliceReceived = collectUpdates(aliceSocket);

    bobSocket.send(updateFrame(bobEdit)); // depends on Alice's edit, which the server lacks
    const room = () => server.server.collab.rooms.get(documentId);
    await waitFor(() => expect(room()?.doc.store.pendingStructs).not.toBeNull());
    aliceSocket.send(updateFrame(aliceEdit));

    await waitFor(() => expect(room()?.doc.getText('t').toString()).toBe('Hello, world'));
    const bobView = new Y.Doc();
    const aliceView = new Y.Doc();
    await waitFor(() => {
      for (const update of bobReceived) Y.applyUpdate(bobView, update);
      for (const update of aliceReceived) Y.applyUpdate(aliceView, update);
      expect(bobView.getText('t').toString()).toBe('Hello, world');
      expect(aliceView.getText('t').toString()).toBe('Hello, world');
    });
    aliceSocket.close();
    bobSocket.close();
  });
});

function captureUpdate(doc: Y.Doc, edit: () => void): Uint8Array {
  let captured: Uint8Array | null = null;
  const capture = (update: Uint8Array) => (captured = update);
  doc.on('update', capture);
  edit();
  doc.off('update', capture);
  if (!captured) throw new Error('the edit produced no update');
  return captured;
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
