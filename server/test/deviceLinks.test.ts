// "Add a device": a signed-in person gets a link and a short code that sign another device in as
// them: once, for minutes, only while the sign-in that asked is alive; wrong codes are limited
// per address; only hashes are stored.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPath, meSchema, sessionCookieName, type DeviceLink, type Me } from '@draftroom/shared';
import { ApiClient, createInvite, queryTestDatabase, sampleProfile } from '../testing/index.ts';
import { send, type SentResponse } from './helpers/actors.ts';
import { expectError } from './helpers/conferenceApi.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.cleanup();
});

async function start(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await startTestServer({
    SEED_DEMO: 'false',
    JOIN_RATE_LIMIT_PER_MINUTE: '10000',
    ...env,
  });
  servers.push(server);
  return server;
}

async function participant(server: TestServer, name: string): Promise<ApiClient> {
  const { id: eventId } = (
    await server.organiser.expect<{ event: { id: string } }>(200, 'GET', '/api/programme')
  ).event;
  const invite = await createInvite(server.organiser, 'participant', {
    type: 'event',
    id: eventId,
  });
  return ApiClient.join(server.url, invite.joinPath, sampleProfile({ displayName: name }));
}

const addDevice = (client: ApiClient) =>
  client.expect<DeviceLink>(201, 'POST', apiPath('addDevice'));
const tokenOf = (link: DeviceLink) => link.linkPath.slice('/device/'.length);
const signIn = (server: TestServer, body: unknown, cookie?: string) =>
  send(server.url, cookie, 'POST', apiPath('deviceSignIn'), body);

/** The new device's cookie, and who /api/me says it is. */
async function signedInAs(server: TestServer, response: SentResponse): Promise<string> {
  expect(response.status).toBe(201);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith(`${sessionCookieName}=`));
  expect(cookie).toBeDefined();
  const me = await send(server.url, cookie, 'GET', apiPath('me'));
  expect(me.status).toBe(200);
  return meSchema.parse(me.body as Me).person.displayName;
}

describe('adding a device', () => {
  it('signs the second device in as the same person, once, by link or by code', async () => {
    const server = await start();
    const amina = await participant(server, 'Amina Diallo');

    const byLink = await addDevice(amina);
    expect(byLink.linkPath).toMatch(/^\/device\/[A-Za-z0-9_-]{43}$/);
    expect(byLink.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const minutes = (Date.parse(byLink.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9);
    expect(minutes).toBeLessThanOrEqual(10);
    expect(await signedInAs(server, await signIn(server, { token: tokenOf(byLink) }))).toBe(
      'Amina Diallo',
    );
    expectError(await signIn(server, { token: tokenOf(byLink) }), 410, 'device_link_used');
    // The link's code was used up with it.
    expectError(await signIn(server, { code: byLink.code }), 410, 'device_link_used');

    // The code is typed by hand: case, spaces and the hyphen do not matter.
    const byCode = await addDevice(amina);
    const typed = ` ${byCode.code.replace('-', ' ').toLowerCase()} `;
    expect(await signedInAs(server, await signIn(server, { code: typed }))).toBe('Amina Diallo');
    expectError(await signIn(server, { token: tokenOf(byCode) }), 410, 'device_link_used');

    // The first device is still signed in.
    await amina.expect(200, 'GET', apiPath('me'));
  });

  it('expires', async () => {
    const server = await start({ DEVICE_LINK_TTL_MS: '1000' });
    const amina = await participant(server, 'Amina Diallo');
    const link = await addDevice(amina);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expectError(await signIn(server, { token: tokenOf(link) }), 410, 'device_link_expired');
    expectError(await signIn(server, { code: link.code }), 410, 'device_link_expired');
  });

  it('limits code attempts per address, right or wrong, with Retry-After', async () => {
    const server = await start({ DEVICE_CODE_ATTEMPTS: '3' });
    const amina = await participant(server, 'Amina Diallo');
    const link = await addDevice(amina);
    for (const wrong of ['ZZZZ-ZZZZ', 'YYYY-YYYY', 'XXXX-XXXX']) {
      expectError(await signIn(server, { code: wrong }), 404, 'device_link_invalid');
    }
    const limited = await signIn(server, { code: link.code });
    expectError(limited, 429, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // The link itself (256 bits, not guessable) still works, once.
    expect(await signedInAs(server, await signIn(server, { token: tokenOf(link) }))).toBe(
      'Amina Diallo',
    );
  });

  it("signs in as the code's own person only, and never after that person's sign-in ended", async () => {
    const server = await start();
    const amina = await participant(server, 'Amina Diallo');
    const bruno = await participant(server, 'Bruno Costa');
    const aminas = await addDevice(amina);
    const brunos = await addDevice(bruno);
    expect(aminas.code).not.toBe(brunos.code);

    // Bruno types Amina's code in a browser where he is signed in: that browser becomes
    // Amina's (the code is hers), and Bruno's sign-in there ends; his own code stays his.
    const switched = await signIn(server, { code: aminas.code }, bruno.cookie);
    expect(await signedInAs(server, switched)).toBe('Amina Diallo');
    expect((await bruno.request('GET', apiPath('me'))).status).toBe(401);

    // Bruno signed out above, so the link his ended sign-in asked for is dead too.
    expectError(await signIn(server, { code: brunos.code }), 404, 'device_link_invalid');

    // An organiser revoking Amina ends her pending links.
    const again = await addDevice(amina);
    await server.organiser.expect(
      204,
      'POST',
      apiPath('revokePerson', { personId: amina.personId }),
    );
    expectError(await signIn(server, { token: tokenOf(again) }), 404, 'device_link_invalid');
  });

  it('refuses malformed requests, and stores neither the token nor the code', async () => {
    const server = await start();
    const amina = await participant(server, 'Amina Diallo');
    expectError(await signIn(server, {}), 400, 'validation_failed');
    expectError(await signIn(server, { code: 'short' }), 400, 'validation_failed');
    expectError(await signIn(server, { token: 'x', code: 'ABCD-2345' }), 400, 'validation_failed');
    expectError(
      await send(server.url, undefined, 'POST', apiPath('addDevice')),
      401,
      'unauthenticated',
    );

    const link = await addDevice(amina);
    const rows = await queryTestDatabase(server.databasePath, 'SELECT * FROM device_links');
    const stored = JSON.stringify(rows);
    expect(rows).toHaveLength(1);
    expect(stored).not.toContain(tokenOf(link));
    expect(stored).not.toContain(link.code.replace('-', ''));
  });
});
