// The conference REST API: joining with invite links and personal links, bad input, the join rate
// limit, the Origin check and profiles. Sessions, groups and imports are in
// conferenceGroups.test.ts; who may call what, authorization.test.ts; the OpenAPI document and
// the health endpoints, openApiHealth.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  apiPath,
  invitePreviewSchema,
  meSchema,
  sessionCookieName,
  type ConferenceEvent,
  type CreatedInvite,
  type InviteList,
  type Me,
  type Programme,
  type Role,
  type Scope,
} from '@draftroom/shared';
import {
  ApiClient,
  createCoCreationSession,
  createInvite,
  sampleProfile,
} from '../testing/index.ts';
import { send } from './helpers/actors.ts';
import {
  expectError,
  importPeople,
  people,
  sendRaw,
  startConferenceServer,
  tokenOf,
} from './helpers/conferenceApi.ts';
import type { TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

let server: TestServer;
let organiser: ApiClient;
const servers: TestServer[] = [];
const start = async (env: Record<string, string> = {}) => {
  const started = await startConferenceServer(env);
  servers.push(started);
  return started;
};
beforeEach(async () => {
  server = await start();
  organiser = server.organiser;
});
afterEach(async () => {
  for (const started of servers.splice(0)) await started.cleanup();
});

const anonymous = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => send(server.url, undefined, method, path, body, headers);
const preview = (token: string) => anonymous('GET', apiPath('invitePreview', { token }));
const join = (token: string, profile = sampleProfile()) =>
  anonymous('POST', apiPath('join', { token }), profile);
const joinAs = async (role: Role, scope: Scope) =>
  ApiClient.join(server.url, (await createInvite(organiser, role, scope)).joinPath);
const eventId = async () => (await organiser.expect<Me>(200, 'GET', apiPath('me'))).person.eventId;

describe('joining with an invite link', () => {
  it('previews the link, then sets an httpOnly, SameSite=Lax session cookie for the whole site', async () => {
    const session = await createCoCreationSession(organiser, 'Session S');
    const { joinPath } = await createInvite(organiser, 'participant', {
      type: 'session',
      id: session.id,
    });
    const shown = await preview(tokenOf(joinPath));
    expect(shown.status).toBe(200);
    expect(invitePreviewSchema.parse(shown.body)).toMatchObject({
      eventName: 'New conference',
      role: 'participant',
      scope: { type: 'session', id: session.id },
      scopeName: 'Session S',
      eventLanguages: ['en', 'fr', 'es', 'ar'],
      profile: null,
    });

    const profile = sampleProfile({ displayName: 'Amina Odhiambo', preferredLanguage: 'fr' });
    const joined = await join(tokenOf(joinPath), profile);
    expect(joined.status).toBe(201);
    const me = meSchema.parse(joined.body);
    expect(me.person).toMatchObject({
      displayName: 'Amina Odhiambo',
      preferredLanguage: 'fr',
      role: 'participant',
    });
    const [cookie, ...others] = joined.headers.getSetCookie();
    expect(others).toEqual([]);
    const [pair = '', ...attributes] = (cookie ?? '').split(';').map((part) => part.trim());
    expect(pair).toMatch(new RegExp(`^${sessionCookieName}=[A-Za-z0-9_-]{43}$`));
    const lower = attributes.map((attribute) => attribute.toLowerCase());
    expect(lower).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    expect(lower).not.toContain('secure');
    const expires = attributes.find((attribute) => /^expires=/i.test(attribute))?.slice(8) ?? '';
    expect(Date.parse(expires)).toBeGreaterThan(Date.now() + 29 * 24 * 60 * 60 * 1000);
    const again = await send(server.url, pair, 'GET', apiPath('me'));
    expect(meSchema.parse(again.body).person.id).toBe(me.person.id);
  });

  it('ends the sign-in a browser already had when it joins as someone else', async () => {
    const session = await createCoCreationSession(organiser, 'Session S');
    const { joinPath } = await createInvite(organiser, 'participant', {
      type: 'session',
      id: session.id,
    });
    const first = await ApiClient.join(server.url, joinPath);
    const second = await send(
      server.url,
      first.cookie,
      'POST',
      apiPath('join', { token: tokenOf(joinPath) }),
      sampleProfile(),
    );
    expect(second.status).toBe(201);
    expect((await send(server.url, first.cookie, 'GET', apiPath('me'))).status).toBe(401);
  });

  it('refuses expired, revoked, used-up and unknown links, on the preview and the join alike', async () => {
    const scope: Scope = { type: 'event', id: await eventId() };
    const expiring = await createInvite(organiser, 'observer', scope, {
      expiresAt: new Date(Date.now() + 1_000).toISOString(),
    });
    const revoked = await createInvite(organiser, 'observer', scope);
    await organiser.expect(204, 'DELETE', apiPath('revokeInvite', { inviteId: revoked.invite.id }));
    const single = await createInvite(organiser, 'observer', scope, { maxUses: 1 });
    expect((await join(tokenOf(single.joinPath))).status).toBe(201);
    await waitFor(
      async () => expect((await preview(tokenOf(expiring.joinPath))).status).toBe(410),
      5_000,
      100,
    );

    const cases = [
      [tokenOf(expiring.joinPath), 410, 'invite_expired'],
      [tokenOf(revoked.joinPath), 410, 'invite_revoked'],
      [tokenOf(single.joinPath), 410, 'invite_used_up'],
      ['A'.repeat(43), 404, 'invite_invalid'],
      ['garbage', 404, 'invite_invalid'],
    ] as const;
    for (const [token, status, code] of cases) {
      expectError(await preview(token), status, code);
      const refused = await join(token);
      expectError(refused, status, code);
      expect(refused.headers.getSetCookie()).toEqual([]);
    }
    const { invites } = await organiser.expect<InviteList>(200, 'GET', apiPath('listInvites'));
    expect(invites.find((invite) => invite.id === revoked.invite.id)).toMatchObject({
      revoked: true,
      uses: 0,
    });
    expect(invites.find((invite) => invite.id === single.invite.id)).toMatchObject({
      uses: 1,
      maxUses: 1,
    });
  });

  it('gives the event’s contact address for a link that no longer works, once one is set', async () => {
    const scope: Scope = { type: 'event', id: await eventId() };
    const revoked = await createInvite(organiser, 'observer', scope);
    await organiser.expect(204, 'DELETE', apiPath('revokeInvite', { inviteId: revoked.invite.id }));
    const contact = async (token: string) =>
      (await anonymous('GET', apiPath('inviteContact', { token }))).body;
    expect(await contact(tokenOf(revoked.joinPath))).toEqual({ contactEmail: null });

    const { event } = await organiser.expect<Programme>(200, 'GET', apiPath('programme'));
    const settings = {
      name: event.name,
      startsOn: event.startsOn,
      endsOn: event.endsOn,
      timeZone: event.timeZone,
      languages: event.languages,
    };
    const bad = await organiser.request('PUT', apiPath('updateEvent'), {
      ...settings,
      contactEmail: 'organisers at the IPU',
    });
    expectError(bad, 400, 'validation_failed');
    const saved = await organiser.expect<ConferenceEvent>(200, 'PUT', apiPath('updateEvent'), {
      ...settings,
      contactEmail: 'team@wepc.example',
    });
    expect(saved.contactEmail).toBe('team@wepc.example');
    expect(await contact(tokenOf(revoked.joinPath))).toEqual({ contactEmail: 'team@wepc.example' });
    expect(await contact('A'.repeat(43))).toEqual({ contactEmail: null }); // an unknown link
    // An empty field clears it.
    await organiser.expect(200, 'PUT', apiPath('updateEvent'), { ...settings, contactEmail: '' });
    expect(await contact(tokenOf(revoked.joinPath))).toEqual({ contactEmail: null });
  });

  it('lets exactly one of two simultaneous joins take the last use', async () => {
    const scope: Scope = { type: 'event', id: await eventId() };
    const before = (await people(organiser)).length;
    for (let round = 0; round < 3; round++) {
      const { joinPath, invite } = await createInvite(organiser, 'observer', scope, { maxUses: 1 });
      const results = await Promise.all([join(tokenOf(joinPath)), join(tokenOf(joinPath))]);
      expect(results.map((result) => result.status).sort()).toEqual([201, 410]);
      expectError(
        results.find((result) => result.status === 410) ?? results[0],
        410,
        'invite_used_up',
      );
      const { invites } = await organiser.expect<InviteList>(200, 'GET', apiPath('listInvites'));
      expect(invites.find((listed) => listed.id === invite.id)?.uses).toBe(1);
    }
    expect((await people(organiser)).length).toBe(before + 3);
  });
});

describe('personal links', () => {
  it('sign in as the person on file, with their profile prefilled, once', async () => {
    const [personId = ''] = await importPeople(organiser, [
      'Claire Dubois,Assemblée nationale,France,fr,claire@assemblee.example,',
    ]);
    const link = await organiser.expect<CreatedInvite>(
      201,
      'POST',
      apiPath('personLink', { personId }),
    );
    expect(link.invite).toMatchObject({ personId, maxUses: 1, uses: 0, role: 'participant' });
    const shown = invitePreviewSchema.parse((await preview(tokenOf(link.joinPath))).body);
    expect(shown.profile).toEqual({
      displayName: 'Claire Dubois',
      parliament: 'Assemblée nationale',
      country: 'FR',
      preferredLanguage: 'fr',
      email: 'claire@assemblee.example',
    });

    const claire = await ApiClient.join(server.url, link.joinPath, {
      ...(shown.profile as Required<NonNullable<typeof shown.profile>>),
      displayName: 'Claire D.',
    });
    expect(claire.personId).toBe(personId);
    const everyone = await people(organiser);
    expect(everyone.filter((person) => person.email === 'claire@assemblee.example')).toHaveLength(
      1,
    );
    expect(everyone.find((person) => person.id === personId)?.displayName).toBe('Claire D.');
    expectError(await join(tokenOf(link.joinPath)), 410, 'invite_used_up');
  });
});

describe('bad input', () => {
  it('answers invalid JSON with 400 invalid_json and schema violations with every path', async () => {
    const post = (body: string) =>
      sendRaw(server.url, 'POST', apiPath('createSession'), body, { cookie: server.cookie });
    expectError(await post('{"title": "Unclosed'), 400, 'invalid_json');

    const invalid = {
      title: ' ',
      kind: 'lecture',
      audience: ['x'],
      startsAt: 'soon',
      languages: [],
    };
    const error = expectError(await post(JSON.stringify(invalid)), 400, 'validation_failed');
    expect(error.details?.map((detail) => detail.path).sort()).toEqual(
      ['audience.0', 'description', 'endsAt', 'kind', 'languages', 'startsAt', 'title'].sort(),
    );
    const backwards = {
      ...{
        title: 'Backwards',
        description: '',
        kind: 'co-creation',
        audience: [],
        languages: ['en'],
      },
      ...{ startsAt: '2021-06-18T14:00:00Z', endsAt: '2021-06-18T12:00:00Z' },
    };
    const refined = expectError(await post(JSON.stringify(backwards)), 400, 'validation_failed');
    expect(refined.details?.map((detail) => detail.path)).toEqual(['endsAt']);
    expect((await organiser.expect<Programme>(200, 'GET', apiPath('programme'))).sessions).toEqual(
      [],
    );
  });

  it('answers unknown routes and ids that cannot exist with 404, and oversized bodies with 413', async () => {
    expectError(
      await send(server.url, server.cookie, 'GET', '/api/nothing-here'),
      404,
      'not_found',
    );
    expectError(await send(server.url, server.cookie, 'DELETE', '/api/me'), 404, 'not_found');
    expectError(
      await send(server.url, server.cookie, 'GET', '/api/sessions/no%20such%20id!'),
      404,
      'not_found',
    );
    const huge = JSON.stringify({ csv: 'x'.repeat(3 * 1024 * 1024), dryRun: true });
    const tooLarge = await sendRaw(server.url, 'POST', apiPath('importPeople'), huge, {
      cookie: server.cookie,
    });
    expectError(tooLarge, 413, 'payload_too_large');
  });
});

describe('limits and origins', () => {
  it('limits previews and joins per address: 429 rate_limited with Retry-After', async () => {
    server = await start({ JOIN_RATE_LIMIT_PER_MINUTE: '3' }); // the organiser's join took one
    const { joinPath } = await createInvite(server.organiser, 'observer', {
      type: 'event',
      id: (await server.organiser.expect<Me>(200, 'GET', apiPath('me'))).person.eventId,
    });
    expect((await preview(tokenOf(joinPath))).status).toBe(200);
    expect((await join(tokenOf(joinPath))).status).toBe(201);
    for (const refused of [await preview(tokenOf(joinPath)), await join(tokenOf(joinPath))]) {
      expectError(refused, 429, 'rate_limited');
      // Seconds until the minute's window frees up: at most 60, never 0.
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    }
    expect((await server.organiser.request('GET', apiPath('me'))).status).toBe(200);
  });

  it('refuses writes from another site’s Origin with 403, and allows our own', async () => {
    const session = { title: 'From elsewhere', description: '', kind: 'co-creation', audience: [] };
    const body = {
      ...session,
      startsAt: '2021-06-18T12:00:00Z',
      endsAt: '2021-06-18T13:00:00Z',
      languages: ['en'],
    };
    const from = (origin: string) =>
      send(server.url, server.cookie, 'POST', apiPath('createSession'), body, { origin });
    expectError(await from('https://evil.example'), 403, 'forbidden');
    expectError(await from('null'), 403, 'forbidden');
    expect((await organiser.expect<Programme>(200, 'GET', apiPath('programme'))).sessions).toEqual(
      [],
    );
    expect((await from(server.url)).status).toBe(201);
    const read = await send(server.url, server.cookie, 'GET', apiPath('programme'), undefined, {
      origin: 'https://evil.example',
    });
    expect(read.status).toBe(200);
  });
});

describe('people', () => {
  it('keeps each person’s own interface language', async () => {
    const participant = await joinAs('participant', { type: 'event', id: await eventId() });
    const changed = await participant.expect<Me>(200, 'PATCH', apiPath('updateMe'), {
      preferredLanguage: 'ar',
    });
    expect(changed.person.preferredLanguage).toBe('ar');
    expect((await participant.expect<Me>(200, 'GET', apiPath('me'))).person.preferredLanguage).toBe(
      'ar',
    );
    expect((await organiser.expect<Me>(200, 'GET', apiPath('me'))).person.preferredLanguage).toBe(
      'en',
    );
    const refused = await participant.request('PATCH', apiPath('updateMe'), {
      preferredLanguage: 'de',
    });
    expect(expectError(refused, 400, 'validation_failed').details?.[0]?.path).toBe(
      'preferredLanguage',
    );
  });

  it('shows email addresses to organisers only', async () => {
    const session = await createCoCreationSession(organiser);
    await importPeople(organiser, ['Rahul Mehta,Lok Sabha,IN,en,rahul@loksabha.example,']);
    const facilitator = await joinAs('facilitator', { type: 'session', id: session.id });
    const emails = async (client: ApiClient) =>
      (await people(client)).map((person) => person.email);
    expect(await emails(organiser)).toContain('rahul@loksabha.example');
    expect((await emails(facilitator)).every((email) => email === null)).toBe(true);
  });
});
