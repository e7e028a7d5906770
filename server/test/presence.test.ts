import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { messageTypes } from '@draftroom/shared';
import { openRawSocket, serverIdentity } from './helpers/clients.ts';
import { createGuide, startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

// Guarantee 6, presence is cheap: a burst of caret moves reaches peers as a few coalesced
// frames (at most one per room every 50 ms), ending at the latest position.
describe('presence coalescing', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ SEED_DEMO: 'false' });
  });
  afterEach(() => server.cleanup());

  it('turns 100 rapid caret moves into a few frames that end at the last position', async () => {
    const documentId = await createGuide(server);
    const mover = await openRawSocket(server, documentId);
    const watcher = await openRawSocket(server, documentId);
    const watcherView = new awarenessProtocol.Awareness(new Y.Doc());
    let awarenessFrames = 0;
    watcher.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== messageTypes.awareness) return;
      awarenessFrames++;
      awarenessProtocol.applyAwarenessUpdate(
        watcherView,
        decoding.readVarUint8Array(decoder),
        null,
      );
    });

    const moverView = new awarenessProtocol.Awareness(new Y.Doc());
    const identity = await serverIdentity(server.organiser);
    const started = performance.now();
    for (let position = 1; position <= 100; position++) {
      moverView.setLocalState({ user: { name: 'Mover' }, cursor: caretAt(position) });
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageTypes.awareness);
      encoding.writeVarUint8Array(
        encoder,
        awarenessProtocol.encodeAwarenessUpdate(moverView, [moverView.clientID]),
      );
      mover.send(encoding.toUint8Array(encoder));
      if (position % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitFor(() =>
      expect(watcherView.getStates().get(moverView.clientID)).toEqual({
        user: identity, // the server's record, not what the client claimed
        cursor: caretAt(100),
      }),
    );
    const elapsedMs = performance.now() - started;
    // One frame at once, then at most one per 50 ms window while the burst lasts.
    expect(awarenessFrames).toBeLessThanOrEqual(2 + Math.ceil(elapsedMs / 50));
    expect(awarenessFrames).toBeLessThan(100);
    mover.close();
    watcher.close();
    moverView.destroy();
    watcherView.destroy();
  });
});

/** A caret as the editor binding publishes it (relative positions as JSON). */
function caretAt(clock: number) {
  const position = { item: { client: 7, clock }, assoc: 0 };
  return { anchor: position, head: position };
}
