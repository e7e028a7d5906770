// Guarantee 7 (operable): idle documents are compacted and unloaded, silent peers are dropped by
// keepalive while live ones stay, and shutdown closes with 1001 after storing every received edit.
import { randomBytes } from 'node:crypto';
import { connect as connectTcp, type Socket } from 'node:net';
import type { RawData } from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import { closeCodes } from '@draftroom/shared';
import { connectClient, openRawSocket, whenSynced, type HonestClient } from './helpers/clients.ts';
import { addGuide, metric } from './helpers/fixtures.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';
import { queryTestDatabase, readGuideText } from '../testing/index.ts';

const documentId = 'lifecycle-guide';
const servers: TestServer[] = [];
const clients: HonestClient[] = [];

async function start(env: Record<string, string>, after?: TestServer): Promise<TestServer> {
  const server = await startTestServer(env, after?.dataDir, after?.organiser);
  servers.push(server);
  return server;
}
function connect(server: TestServer): HonestClient {
  const client = connectClient(server, documentId);
  clients.push(client);
  return client;
}
function destroyClients(): void {
  for (const client of clients.splice(0)) client.destroy();
}

afterEach(async () => {
  destroyClients();
  // Newest first: a restarted server shares its data directory with the one before it.
  for (const server of servers.splice(0).reverse()) await server.cleanup();
});

/** Rows stored for the document, read from the SQLite file by a separate read-only connection. */
async function storedRows(databasePath: string): Promise<{ updates: number; states: number }> {
  const count = async (table: string) =>
    (
      await queryTestDatabase<{ n: number }>(
        databasePath,
        `SELECT count(*) AS n FROM ${table} WHERE document_id = ?`,
        [documentId],
      )
    )[0]?.n ?? 0;
  return { updates: await count('document_updates'), states: await count('document_states') };
}

/** A peer that completes the websocket handshake by hand and then never answers anything. */
function openSilentPeer(baseUrl: string, path: string, cookie: string): Promise<Socket> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connectTcp(Number(port), hostname, () => {
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\n` +
          `Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nCookie: ${cookie}\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`,
      );
    });
    socket.on('error', reject);
    let head = '';
    const readHead = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', readHead);
      socket.on('data', () => {}); // swallow pings and the greeting, answer nothing
      if (head.startsWith('HTTP/1.1 101')) resolve(socket);
      else reject(new Error(`upgrade refused: ${head.split('\r\n')[0]}`));
    };
    socket.on('data', readHead);
  });
}

describe('idle unload', () => {
  it('compacts and unloads a document once its last peer has left, and reloads it', async () => {
    const server = await start({ IDLE_UNLOAD_MS: '50' });
    await addGuide(server, documentId);
    const writer = connect(server);
    await whenSynced(writer);
    for (const word of ['Idle ', 'documents ', 'are ', 'unloaded.']) {
      writer.text.insert(writer.text.length, word);
    }
    // Four words, and the shared paragraph they are written in.
    await waitFor(async () => expect((await storedRows(server.databasePath)).updates).toBe(5));
    expect(server.server.collab.rooms.loadedCount).toBe(1);
    // The demo's guides were written (and compacted on unload) at start; count from here.
    const compactionsBefore = await metric(server.url, 'draftroom_compactions_total');

    destroyClients();
    await waitFor(() => expect(server.server.collab.rooms.loadedCount).toBe(0));
    await waitFor(async () =>
      expect(await storedRows(server.databasePath)).toEqual({ updates: 0, states: 1 }),
    );
    expect(await metric(server.url, 'draftroom_documents_loaded')).toBe(0);
    expect(await metric(server.url, 'draftroom_compactions_total')).toBe(compactionsBefore + 1);

    const returning = connect(server);
    await whenSynced(returning);
    expect(returning.content()).toBe('Idle documents are unloaded.');
    expect(server.server.collab.rooms.loadedCount).toBe(1);
  });
});

describe('keepalive', () => {
  it('terminates a peer that never answers pings', async () => {
    const server = await start({ KEEPALIVE_MS: '100' });
    await addGuide(server, documentId);
    const silent = await openSilentPeer(server.url, `/collab/${documentId}`, server.cookie);
    silent.on('error', () => {});
    let closed = false;
    silent.on('close', () => (closed = true));
    await waitFor(() => expect(server.server.collab.connectionCount).toBe(1));

    await waitFor(() => expect(closed).toBe(true), 2_000);
    await waitFor(async () => expect(await metric(server.url, 'draftroom_ws_connections')).toBe(0));
    expect(server.server.collab.connectionCount).toBe(0);
    expect(
      await metric(server.url, 'draftroom_messages_rejected_total', { reason: 'keepalive' }),
    ).toBe(1);
  });

  it('keeps a peer that answers pings connected across many intervals', async () => {
    const server = await start({ KEEPALIVE_MS: '100' });
    await addGuide(server, documentId);
    const live = await openRawSocket(server, documentId); // `ws` answers pings itself
    let pings = 0;
    live.on('ping', () => pings++);
    await waitFor(() => expect(pings).toBeGreaterThanOrEqual(5));
    expect(live.readyState).toBe(live.OPEN);
    expect(await metric(server.url, 'draftroom_ws_connections')).toBe(1);
    expect(
      await metric(server.url, 'draftroom_messages_rejected_total', { reason: 'keepalive' }),
    ).toBe(0);
    live.close();
  });
});

describe('graceful shutdown', () => {
  it('closes peers with 1001 and stores every edit received before stop began', async () => {
    const server = await start({});
    await addGuide(server, documentId);
    const alice = connect(server);
    const bob = connect(server);
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    alice.text.insert(0, 'Before: ');
    await waitFor(() => expect(bob.content()).toBe('Before: '));

    // Watch the server side of both sockets: the oracle is the room's state plus every update
    // frame the server has been handed. Stop is called from inside the 30th, before it is stored.
    const room = server.server.collab.rooms.get(documentId);
    if (!room) throw new Error('the document is not loaded');
    const expected = new Y.Doc();
    Y.applyUpdate(expected, Y.encodeStateAsUpdate(room.doc));
    let framesBeforeStop = 0;
    let queuedAtStop = 0;
    let stopping: Promise<void> | undefined;
    for (const connection of room.connections) {
      connection.socket.on('message', (data: RawData) => {
        if (stopping) return;
        const decoder = decoding.createDecoder(new Uint8Array(data as Buffer));
        if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 2) return;
        Y.applyUpdate(expected, decoding.readVarUint8Array(decoder));
        if (++framesBeforeStop < 30) return;
        queuedAtStop = server.server.collab.persistQueue.size;
        stopping = server.stop();
      });
    }
    for (let index = 0; index < 20; index++) {
      alice.text.insert(alice.text.length, `a${index} `);
      bob.text.insert(bob.text.length, `b${index} `);
    }

    await waitFor(() => expect(stopping).toBeDefined());
    await stopping;
    expect(queuedAtStop).toBeGreaterThan(0);
    await waitFor(() => expect(alice.closeEvents[0]).toBe(closeCodes.goingAway));
    await waitFor(() => expect(bob.closeEvents[0]).toBe(closeCodes.goingAway));
    destroyClients();

    const restarted = await start({}, server);
    const fresh = connect(restarted);
    await whenSynced(fresh);
    const text = readGuideText(expected);
    expect(text).toMatch(/^Before: /);
    expect(fresh.content()).toBe(text);
  });
});
