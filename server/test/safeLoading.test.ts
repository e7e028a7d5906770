import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { closeCodes, guideFragmentName, messageTypes, syncMessageTypes } from '@draftroom/shared';
import type { CollabServer } from '../src/collab/collabServer.ts';
import type { DocumentStore, Persistence } from '../src/persistence/index.ts';
import { startCollabOnly, type CollabOnly } from './helpers/collabOnly.ts';
import { connectClient, whenSynced, type CollabTarget } from './helpers/clients.ts';
import { waitFor } from './helpers/waitFor.ts';
import { syncFrame } from './helpers/frames.ts';

// Guarantee 2, safe loading: nothing is served for a document until its stored history is fully
// loaded, and what clients send meanwhile waits instead of racing the load.
const demoId = 'remote-plenary-sittings';

describe('safe loading', () => {
  let server: CollabOnly;
  let persistence: Persistence;
  let collab: CollabServer;
  let wsUrl: string;
  let target: CollabTarget;
  let gate: { open(): void; fail(error: Error): void; loadCalled: Promise<void> };

  /** The real SQLite store, whose load waits until the test opens the gate. */
  function gatedStore(store: DocumentStore): DocumentStore {
    return {
      ...store,
      load: async (documentId) => {
        markLoadCalled();
        await opened;
        return store.load(documentId);
      },
    };
  }
  let markLoadCalled: () => void;
  let opened: Promise<void>;

  beforeEach(async () => {
    let open!: () => void;
    let fail!: (error: Error) => void;
    opened = new Promise<void>((resolve, reject) => {
      open = resolve;
      fail = reject;
    });
    opened.catch(() => {});
    const loadCalled = new Promise<void>((resolve) => (markLoadCalled = resolve));
    gate = { open, fail, loadCalled };
    server = await startCollabOnly({ store: gatedStore });
    ({ persistence, collab, wsUrl, target } = server);
  });

  afterEach(async () => {
    gate.open();
    await server.close();
  });

  it('serves nothing until loaded, then merges what arrived meanwhile with the stored text', async () => {
    const socket = new WebSocket(`${wsUrl}/${demoId}`, { headers: { cookie: target.cookie } });
    const frames: Uint8Array[] = [];
    socket.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
    await new Promise((resolve) => socket.once('open', resolve));
    await gate.loadCalled;

    // A client with an empty document asks for everything and sends an edit of its own.
    const clientDoc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('written while loading')]);
    clientDoc.getXmlFragment(guideFragmentName).insert(0, [paragraph]);
    socket.send(syncFrame(syncMessageTypes.step1, Y.encodeStateVector(new Y.Doc())));
    socket.send(syncFrame(syncMessageTypes.update, Y.encodeStateAsUpdate(clientDoc)));
    // The server handles frames in order, so a pong proves both were read.
    await new Promise<void>((resolve) => {
      socket.once('pong', () => resolve());
      socket.ping();
    });
    expect(frames).toHaveLength(0);

    gate.open();
    await waitFor(() => expect(frames.length).toBeGreaterThanOrEqual(2));
    // The server does not echo the client's own edit; the client merges what it was served.
    for (const frame of frames) applySyncFrame(clientDoc, frame);
    const text = clientDoc.getXmlFragment(guideFragmentName).toString();
    expect(text).toContain('Running remote plenary sittings');
    expect(text).toContain('written while loading');
    socket.close();

    // Both the stored text and the edit made during loading are in the store.
    await collab.persistQueue.drain();
    const stored = new Y.Doc();
    const { state, updates } = await persistence.documents.load(demoId);
    if (state) Y.applyUpdate(stored, state);
    for (const update of updates) Y.applyUpdate(stored, update.data);
    expect(stored.getXmlFragment(guideFragmentName).toString()).toBe(text);
  });

  it('refuses with documentLoadFailed when storage fails, and never writes over the stored text', async () => {
    const before = await persistence.documents.load(demoId);
    const client = connectClient(target, demoId, { connect: false });
    client.provider.connect();
    await gate.loadCalled;
    gate.fail(new Error('disk unavailable'));
    await waitFor(() => expect(client.closeEvents).toContain(closeCodes.documentLoadFailed));
    client.destroy();
    expect(await persistence.documents.load(demoId)).toEqual(before);
  });

  it('lets a fresh client with an empty document receive, not erase, the stored text', async () => {
    gate.open();
    const client = connectClient(target, demoId);
    await whenSynced(client);
    expect(client.doc.getXmlFragment(guideFragmentName).toString()).toContain('Before the sitting');
    client.destroy();
    const { state, updates } = await persistence.documents.load(demoId);
    const stored = new Y.Doc();
    if (state) Y.applyUpdate(stored, state);
    for (const update of updates) Y.applyUpdate(stored, update.data);
    expect(stored.getXmlFragment(guideFragmentName).toString()).toContain('Before the sitting');
  });
});

/** Applies the update carried by a server sync frame (step 2 or update); ignores the rest. */
function applySyncFrame(doc: Y.Doc, frame: Uint8Array): void {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== messageTypes.sync) return;
  const type = decoding.readVarUint(decoder);
  if (type === syncMessageTypes.step1) return;
  Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
}
