import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { closeCodes, messageTypes } from '@draftroom/shared';
import { connectClient, openRawSocket, whenClosed, whenSynced } from './helpers/clients.ts';
import { metric } from './helpers/fixtures.ts';
import { createGuide, startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

// Each limit is enforced with a documented close code or HTTP status, and hurts only the
// connection (or address) that went over it.
describe('limits', () => {
  let server: TestServer | undefined;
  afterEach(async () => server?.cleanup());

  const queryAwarenessFrame = () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageTypes.queryAwareness);
    return encoding.toUint8Array(encoder);
  };

  it('closes a connection that sends more messages per second than allowed (4429)', async () => {
    server = await startTestServer({
      RATE_LIMIT_MESSAGES_PER_SECOND: '20',
      RATE_LIMIT_BURST: '40',
    });
    const documentId = await createGuide(server);
    const honest = connectClient(server, documentId);
    await whenSynced(honest);

    const flooder = await openRawSocket(server, documentId);
    const closed = whenClosed(flooder);
    for (let index = 0; index < 200; index++) flooder.send(queryAwarenessFrame());
    expect((await closed).code).toBe(closeCodes.rateLimited);
    expect(
      await metric(server.url, 'draftroom_messages_rejected_total', { reason: 'rate_limited' }),
    ).toBe(1);

    // A connection within its rate is untouched.
    honest.text.insert(0, 'still here');
    const reader = connectClient(server, documentId);
    await whenSynced(reader);
    await waitFor(() => expect(reader.content()).toBe('still here'));
    expect(honest.closeEvents).toEqual([]);
    honest.destroy();
    reader.destroy();
  });

  it('refuses more connections from one address than allowed with HTTP 429', async () => {
    server = await startTestServer({ MAX_CONNECTIONS_PER_IP: '3' });
    const documentId = await createGuide(server);
    const open = await Promise.all(
      [0, 1, 2].map(() => openRawSocket(server as TestServer, documentId)),
    );
    await expect(openRawSocket(server, documentId)).rejects.toThrow('HTTP 429');

    // Closing one frees its slot.
    const first = open[0] as WebSocket;
    first.close();
    await whenClosed(first);
    const again = await waitFor(() => openRawSocket(server as TestServer, documentId));
    for (const socket of [...open, again]) socket.close();
  });

  it('refuses edits that would grow a document past its size limit (4413), keeping what it has', async () => {
    server = await startTestServer({ MAX_DOCUMENT_BYTES: '4096' });
    const documentId = await createGuide(server);
    const writer = connectClient(server, documentId);
    await whenSynced(writer);
    writer.text.insert(0, 'a short first paragraph');
    const reader = connectClient(server, documentId);
    await whenSynced(reader);
    await waitFor(() => expect(reader.content()).toBe('a short first paragraph'));

    writer.text.insert(writer.text.length, 'x'.repeat(8000));
    await waitFor(() => expect(writer.closeEvents).toContain(closeCodes.documentTooLarge));
    writer.destroy();
    expect(reader.content()).toBe('a short first paragraph');
    expect(reader.closeEvents).toEqual([]);
    expect(
      await metric(server.url, 'draftroom_messages_rejected_total', {
        reason: 'document_too_large',
      }),
    ).toBeGreaterThanOrEqual(1);
    reader.destroy();
  });

  it('refuses edits that would hold more items in memory than allowed (4413), keeping what it has', async () => {
    server = await startTestServer({ MAX_DOCUMENT_ITEMS: '1000' });
    const documentId = await createGuide(server);
    const writer = connectClient(server, documentId);
    const reader = connectClient(server, documentId);
    await Promise.all([whenSynced(writer), whenSynced(reader)]);
    writer.text.insert(0, 'ordinary typing merges into a few items');
    await waitFor(() => expect(reader.content()).toBe('ordinary typing merges into a few items'));

    // Few bytes, many items: letters typed each in front of the last never merge.
    writer.doc.transact(() => {
      for (let index = 0; index < 1200; index++) writer.text.insert(0, 'x');
    });
    await waitFor(() => expect(writer.closeEvents).toContain(closeCodes.documentTooLarge));
    writer.destroy();
    expect(reader.content()).toBe('ordinary typing merges into a few items');
    expect(reader.closeEvents).toEqual([]);
    expect(
      await metric(server.url, 'draftroom_messages_rejected_total', {
        reason: 'document_too_many_items',
      }),
    ).toBeGreaterThanOrEqual(1);
    reader.destroy();
  });
});
