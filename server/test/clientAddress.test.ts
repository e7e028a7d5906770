// Every per-client limit (joins and invite previews over REST, open websockets per address)
// counts the same client address, and only proxies named in TRUST_PROXY may say what it is.
// Requests here come from 127.0.0.1; the X-Forwarded-For headers are what a proxy on loopback
// would send: whatever the client wrote, then the address the proxy saw appended on the right.
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { apiPath, type Me } from '@draftroom/shared';
import { createInvite, sampleProfile } from '../testing/index.ts';
import { openRawSocket } from './helpers/clients.ts';
import { createGuide, startTestServer, type TestServer } from './helpers/testServer.ts';

const servers: TestServer[] = [];
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const server of servers.splice(0)) await server.cleanup();
});

async function start(env: Record<string, string>) {
  const server = await startTestServer({ SEED_DEMO: 'false', ...env });
  servers.push(server);
  const me = await server.organiser.expect<Me>(200, 'GET', apiPath('me'));
  const { joinPath } = await createInvite(server.organiser, 'observer', {
    type: 'event',
    id: me.person.eventId,
  });
  const token = joinPath.slice(joinPath.lastIndexOf('/') + 1);
  return { server, token };
}

/** An invite preview, a public route under the join limit, sent with the given headers. */
async function preview(server: TestServer, token: string, forwardedFor?: string) {
  const response = await fetch(`${server.url}${apiPath('invitePreview', { token })}`, {
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  });
  await response.body?.cancel();
  return response;
}

async function join(server: TestServer, token: string, headers: Record<string, string>) {
  const response = await fetch(`${server.url}${apiPath('join', { token })}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(sampleProfile()),
  });
  await response.body?.cancel();
  return response;
}

/** A websocket to the guide; rejects with "HTTP 429" when the upgrade is refused. */
async function openSocket(server: TestServer, guideId: string, forwardedFor: string) {
  const socket = await openRawSocket(server, guideId, { 'x-forwarded-for': forwardedFor });
  sockets.push(socket);
  return socket;
}

let spoofs = 0;
/** A different made-up address each time, as a client rotating its header would write. */
const spoofed = () => `198.51.100.${(spoofs++ % 250) + 1}`;

function expectRefused(response: Response) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

describe('a peer that is not a trusted proxy', () => {
  // TRUST_PROXY names a proxy range the test's peer (127.0.0.1) is not in.
  const env = { TRUST_PROXY: '10.0.0.0/8', JOIN_RATE_LIMIT_PER_MINUTE: '3' };

  it('cannot escape the join limit by rotating X-Forwarded-For', async () => {
    const { server, token } = await start(env); // the organiser's join took one of 3
    expect((await preview(server, token, spoofed())).status).toBe(200);
    expect((await preview(server, token, spoofed())).status).toBe(200);
    for (let attempt = 0; attempt < 5; attempt++) {
      expectRefused(await preview(server, token, `${spoofed()}, ${spoofed()}`));
    }
    expectRefused(await join(server, token, { 'x-forwarded-for': spoofed() }));
  });

  it('cannot escape the websocket cap by rotating X-Forwarded-For', async () => {
    const { server } = await start({ ...env, MAX_CONNECTIONS_PER_IP: '2' });
    const guideId = await createGuide(server);
    await openSocket(server, guideId, spoofed());
    await openSocket(server, guideId, spoofed());
    await expect(openSocket(server, guideId, spoofed())).rejects.toThrow('HTTP 429');
  });

  it('cannot claim https with X-Forwarded-Proto (Express was given the same trust)', async () => {
    const { server, token } = await start(env);
    const joined = await join(server, token, { 'x-forwarded-proto': 'https' });
    expect(joined.status).toBe(201);
    expect(joined.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
  });
});

describe.each(['1', 'loopback'])('behind a trusted proxy (TRUST_PROXY=%s)', (trustProxy) => {
  it('gives each forwarded client its own join budget; a spoofed left-most entry changes nothing', async () => {
    const { server, token } = await start({
      TRUST_PROXY: trustProxy,
      JOIN_RATE_LIMIT_PER_MINUTE: '3',
    });
    // Client A, behind the proxy, writes its own X-Forwarded-For; the proxy appends A's address.
    const clientA = (spoof: string) => `${spoof}, 203.0.113.10`;
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await preview(server, token, clientA(spoofed()))).status).toBe(200);
    }
    expectRefused(await preview(server, token, clientA(spoofed())));
    expectRefused(await preview(server, token, clientA('203.0.113.11')));

    // Client B has a budget of its own, and the proxy's https is believed.
    expect((await preview(server, token, '203.0.113.11')).status).toBe(200);
    const joined = await join(server, token, {
      'x-forwarded-for': '203.0.113.11',
      'x-forwarded-proto': 'https',
    });
    expect(joined.status).toBe(201);
    expect(joined.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });

  it('gives each forwarded client its own websocket cap; a spoofed left-most entry changes nothing', async () => {
    const { server } = await start({ TRUST_PROXY: trustProxy, MAX_CONNECTIONS_PER_IP: '2' });
    const guideId = await createGuide(server);
    await openSocket(server, guideId, '203.0.113.10');
    await openSocket(server, guideId, `${spoofed()}, 203.0.113.10`);
    await expect(openSocket(server, guideId, `${spoofed()}, 203.0.113.10`)).rejects.toThrow(
      'HTTP 429',
    );
    // Everyone else behind the same proxy is not affected by A's cap.
    await openSocket(server, guideId, '203.0.113.11');
    await openSocket(server, guideId, `${spoofed()}, 203.0.113.11`);
    await expect(openSocket(server, guideId, '203.0.113.11')).rejects.toThrow('HTTP 429');
    await openSocket(server, guideId, '203.0.113.12');
  });
});

describe('IPv6 clients behind a trusted proxy', () => {
  it('count as their /64 network, so rotating through it does not escape the join limit', async () => {
    const { server, token } = await start({ TRUST_PROXY: '1', JOIN_RATE_LIMIT_PER_MINUTE: '2' });
    expect((await preview(server, token, '2001:db8:5:6::1')).status).toBe(200);
    expect((await preview(server, token, '2001:db8:5:6:aaaa:bbbb:cccc:dddd')).status).toBe(200);
    expectRefused(await preview(server, token, '2001:db8:5:6::2'));
    expect((await preview(server, token, '2001:db8:5:7::1')).status).toBe(200);
  });
});
