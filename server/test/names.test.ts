// Names and titles people type are seen by everyone else: the API refuses control characters,
// direction overrides and invisible names with 400 and a sentence naming the field and the fix,
// and stores text in NFC. The rules themselves are table-tested in shared/personText.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath, meSchema, type Me, type Scope } from '@draftroom/shared';
import {
  type ApiClient,
  createCoCreationSession,
  createInvite,
  sampleProfile,
} from '../testing/index.ts';
import { send } from './helpers/actors.ts';
import { expectError, startConferenceServer, tokenOf } from './helpers/conferenceApi.ts';
import type { TestServer } from './helpers/testServer.ts';

let server: TestServer;
let organiser: ApiClient;
let token: string;
beforeAll(async () => {
  server = await startConferenceServer();
  organiser = server.organiser;
  const me = await organiser.expect<Me>(200, 'GET', apiPath('me'));
  const scope: Scope = { type: 'event', id: me.person.eventId };
  token = tokenOf((await createInvite(organiser, 'participant', scope, { maxUses: 100 })).joinPath);
});
afterAll(async () => {
  await server?.cleanup();
});

const join = (profile: Partial<ReturnType<typeof sampleProfile>>) =>
  send(server.url, undefined, 'POST', apiPath('join', { token }), sampleProfile(profile));

describe('names people type', () => {
  it.each([
    [
      'a right-to-left override in the name',
      { displayName: 'Evil\u202Egnp.exe' },
      'displayName',
      'Your name contains an invisible character that changes the direction of the text (U+202A–U+202E or U+2066–U+2069); remove it.',
    ],
    [
      'NUL in the parliament',
      { parliament: 'Senate\u0000' },
      'parliament',
      'Parliament or delegation contains a control character (such as a line break, a tab or NUL); remove it.',
    ],
    [
      'a name of zero-width spaces',
      { displayName: '\u200B\u200B' },
      'displayName',
      'Your name has no visible characters; type it with letters or numbers.',
    ],
  ])('refuses %s on joining with 400 and says why', async (_what, profile, path, message) => {
    const error = expectError(await join(profile), 400, 'validation_failed');
    expect(error.details).toEqual([{ path, message }]);
  });

  it('stores names in NFC, and refuses a bell in a changed name or a group name', async () => {
    const joined = await join({ displayName: 'Jose\u0301 Martí' });
    expect(joined.status).toBe(201);
    expect(meSchema.parse(joined.body).person.displayName).toBe('José Martí');
    const cookie = joined.headers.getSetCookie()[0]?.split(';')[0];

    const renamed = await send(server.url, cookie, 'PATCH', apiPath('updateMe'), {
      displayName: 'Awa\u0007',
    });
    expect(expectError(renamed, 400, 'validation_failed').details?.[0]?.path).toBe('displayName');
    const session = await createCoCreationSession(organiser, 'Names');
    const group = await organiser.request(
      'POST',
      apiPath('createGroup', { sessionId: session.id }),
      { name: '\u2066Group\u2069', workingLanguage: 'en', capacity: 5 },
    );
    expect(expectError(group, 400, 'validation_failed').details?.[0]?.path).toBe('name');
  });
});
