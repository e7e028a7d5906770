import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { whenClosed } from './helpers/clients.ts';
import { closeCodes, protocolVersion, serviceMessageType } from '@draftroom/shared';
import { startCollabOnly, type CollabOnly } from './helpers/collabOnly.ts';
import { startTestServer } from './helpers/testServer.ts';
import { startRedisProcess } from '../testing/index.ts';
import { waitFor } from './helpers/waitFor.ts';

// What the server can do now (its database, its link to other instances) reaches Draftroom's
// own clients as a service message, so their connection state can say what happens to edits.
const guideId = 'remote-plenary-sittings';

/** A socket with the service states it is sent, in order, heard from its very first frame. */
function openHearing(
  server: CollabOnly,
  path: string,
): Promise<{ socket: WebSocket; heard: string[] }> {
  const heard: string[] = [];
  const socket = new WebSocket(`${server.target.wsUrl}/${path}`, {
    headers: { cookie: server.target.cookie },
  });
  socket.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) === serviceMessageType) {
      heard.push(decoding.readVarString(decoder));
    }
  });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, heard }));
    socket.once('error', reject);
  });
}

describe('service state', () => {
  let server: CollabOnly | undefined;
  const sockets: WebSocket[] = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await server?.close();
    server = undefined;
  });

  const open = async (draftroomClient: boolean) => {
    const { socket, heard } = await openHearing(
      server!,
      draftroomClient ? `${guideId}?v=${protocolVersion}` : guideId,
    );
    sockets.push(socket);
    return heard;
  };

  it('tells open Draftroom clients when it changes, and newcomers while it is not live', async () => {
    server = await startCollabOnly();
    const early = await open(true);
    const stock = await open(false);
    server.collab.setServiceState('relayDelayed');
    await waitFor(() => expect(early).toEqual(['relayDelayed']));
    const late = await open(true);
    await waitFor(() => expect(late).toEqual(['relayDelayed']));
    server.collab.setServiceState('live');
    await waitFor(() => expect(early).toEqual(['relayDelayed', 'live']));
    await waitFor(() => expect(late).toEqual(['relayDelayed', 'live']));
    // A stock y-websocket client never meets Draftroom's own message types.
    expect(stock).toEqual([]);
  });

  it('says nothing on opening while everything works', async () => {
    server = await startCollabOnly();
    const heard = await open(true);
    server.collab.setServiceState('live');
    // A frame the server sends after any service message would have arrived: the sync step 1.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard).toEqual([]);
  });

  it('closes a client that sends it with 4415: it flows from the server only', async () => {
    server = await startCollabOnly();
    const { socket } = await openHearing(server, `${guideId}?v=${protocolVersion}`);
    sockets.push(socket);
    const closed = whenClosed(socket);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, serviceMessageType);
    encoding.writeVarString(encoder, 'live');
    socket.send(encoding.toUint8Array(encoder));
    expect((await closed).code).toBe(closeCodes.unknownMessageType);
  });

  it('on a server with REDIS_URL: relayDelayed while Redis is lost, live again once it is back', async () => {
    const redis = await startRedisProcess();
    const real = await startTestServer({ REDIS_URL: redis.url });
    try {
      const heard: string[] = [];
      const socket = new WebSocket(`${real.wsUrl}/remote-plenary-sittings?v=${protocolVersion}`, {
        headers: { cookie: real.cookie },
      });
      sockets.push(socket);
      socket.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) === serviceMessageType) {
          heard.push(decoding.readVarString(decoder));
        }
      });
      await new Promise((resolve) => socket.once('open', resolve));
      await redis.kill();
      await waitFor(() => expect(heard).toEqual(['relayDelayed']), 10_000);
      await redis.restart();
      await waitFor(() => expect(heard).toEqual(['relayDelayed', 'live']), 15_000);
    } finally {
      await real.cleanup();
      await redis.kill();
    }
  });
});
