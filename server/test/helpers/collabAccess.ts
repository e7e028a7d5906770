import WebSocket from 'ws';
import * as Y from 'yjs';
import { expect } from 'vitest';
import { createDraftroomServer, type DraftroomServer } from '../../src/server.ts';
import { loadConfig } from '../../src/config/env.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { connectClient, type CollabTarget, type HonestClient } from './clients.ts';
import { metric } from './fixtures.ts';
import type { TestServer } from './testServer.ts';
import { waitFor } from './waitFor.ts';
import { guideText, readGuideText } from '../../testing/index.ts';

/** The text of a guide as stored in SQLite: what a fresh load (or a restart) would serve. */
export async function storedText(server: DraftroomServer, documentId: string): Promise<string> {
  const stored = await server.persistence.documents.load(documentId);
  const doc = new Y.Doc();
  if (stored.state) Y.applyUpdate(doc, stored.state);
  for (const { data } of stored.updates) Y.applyUpdate(doc, data);
  const text = readGuideText(doc);
  doc.destroy();
  return text;
}

export const readOnlyRejections = (url: string) =>
  metric(url, 'draftroom_messages_rejected_total', { reason: 'read_only' });

/** What a connection may do, as seen from outside: write, read, or closed with a code. */
export type CollabOutcome = 'write' | 'read' | number;

/**
 * Connects as someone and finds out what they may do with the document: refused on upgrade with
 * an HTTP status, closed with a code, or synced; then an edit by the witness must reach them, and
 * their own edit either reaches the witness (write) or is counted as a read-only rejection
 * (read). The client of a synced connection is left open.
 */
export async function probeAccess(
  server: TestServer,
  witness: HonestClient,
  cookie: string | undefined,
  documentId: string,
  mark: string,
): Promise<{ outcome: CollabOutcome; client?: HonestClient }> {
  // A provider only sees 1006 when the upgrade is refused; a raw socket reads the status.
  const opening = await openingOutcome(`${server.wsUrl}/${documentId}`, cookie);
  if (opening !== 101) return { outcome: opening };
  const client = connectClient({ wsUrl: server.wsUrl, cookie: cookie ?? '' }, documentId);
  await waitFor(() => expect(client.provider.synced || client.closeEvents.length > 0).toBe(true));
  const [closedWith] = client.closeEvents;
  if (closedWith !== undefined) return { outcome: closedWith, client };

  witness.text.insert(witness.text.length, `[w${mark}]`);
  await waitFor(() => expect(client.content()).toContain(`[w${mark}]`));
  const rejectedBefore = await readOnlyRejections(server.url);
  client.text.insert(client.text.length, `[a${mark}]`);
  const outcome = await waitFor(async () => {
    if (witness.content().includes(`[a${mark}]`)) return 'write' as const;
    if ((await readOnlyRejections(server.url)) > rejectedBefore) return 'read' as const;
    throw new Error(`the edit of ${mark} neither arrived nor was rejected`);
  });
  return { outcome, client };
}

/**
 * After a reader's edit was rejected: a later edit by the witness round-trips, so the reader's
 * edit (sent earlier, on the same path) would have arrived first had it been relayed.
 */
export async function expectDropped(
  server: TestServer,
  witness: HonestClient,
  reader: HonestClient,
  documentId: string,
  dropped: string,
): Promise<void> {
  const after = `(witness after ${dropped.replace(/\W/g, '')})`;
  witness.text.insert(witness.text.length, after);
  await waitFor(() => expect(reader.content()).toContain(after));
  expect(witness.content()).not.toContain(dropped);
  expect(await storedText(server.server, documentId)).not.toContain(dropped);
  expect(readGuideText(server.server.collab.rooms.get(documentId)?.doc)).not.toContain(dropped);
}

/** Connects and waits until synced; fails if the socket is closed first. */
export async function connectSynced(target: CollabTarget, documentId: string) {
  const client = connectClient(target, documentId);
  await waitFor(() => expect(client.provider.synced || client.closeEvents.length > 0).toBe(true));
  if (client.closeEvents.length > 0) {
    client.destroy();
    throw new Error(`closed with ${client.closeEvents.join(', ')} before syncing`);
  }
  return client;
}

/**
 * Tries to open a document: the HTTP status when the upgrade is refused, or the close code when
 * the socket is accepted and then closed; 101 if it is let in (greeted by the server).
 */
export function openingOutcome(url: string, cookie: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: cookie ? { cookie } : {} });
    // A socket that is let in is greeted (sync step 1); a refused one is closed without a word.
    socket.once('message', () => {
      clearTimeout(timer);
      socket.removeAllListeners('close');
      socket.close();
      resolve(101);
    });
    const timer = setTimeout(
      () => reject(new Error('the socket was neither greeted nor closed')),
      5_000,
    );
    socket.once('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.once('unexpected-response', (_request, response) => {
      clearTimeout(timer);
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        try {
          expect((JSON.parse(body) as { error: { code: string } }).error.code).toBeTruthy();
          resolve(response.statusCode ?? 0);
        } catch (error) {
          reject(error as Error);
        }
      });
    });
  });
}

/** A Yjs update that appends `text` to the state of `base` (which is left unchanged). */
export function appendUpdate(base: Y.Doc, text: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  const paragraph = guideText(doc);
  paragraph.insert(paragraph.length, text);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

/** Opens a raw socket and sends `frame` the moment it opens; resolves with the close code. */
export function sendOnOpen(
  target: CollabTarget,
  documentId: string,
  frame: Uint8Array,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${target.wsUrl}/${documentId}`, {
      headers: { cookie: target.cookie },
    });
    socket.once('open', () => socket.send(frame));
    socket.once('close', (code) => resolve(code));
    socket.once('error', reject);
  });
}

/** Starts a second server on an existing data directory (no first-start link: it reuses the data). */
export async function restartOn(
  databasePath: string,
): Promise<{ server: DraftroomServer; wsUrl: string; url: string }> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databasePath,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SEED_DEMO: 'false',
  });
  const server = await createDraftroomServer(config, createLogger(config.LOG_LEVEL));
  const url = await server.listen();
  return { server, url, wsUrl: `${url.replace(/^http/, 'ws')}/collab` };
}
