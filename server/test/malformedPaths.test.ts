// A path with broken percent-encoding (`/%c0%ae%c0%ae/`, a lone `%`) is the client's mistake:
// 400 with the usual error body, on API, client and websocket paths alike, and nothing in the
// log at error level (an operator must not be paged for someone's bad link).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '@draftroom/shared';
import { send } from './helpers/actors.ts';
import {
  rawRequest,
  startLoggedServer,
  upgradeHead,
  type LoggedServer,
} from './helpers/loggedServer.ts';

let server: LoggedServer;
beforeAll(async () => {
  server = await startLoggedServer();
});
beforeEach(() => {
  server.logs.length = 0;
});
afterAll(async () => {
  await server?.cleanup();
});

const malformed = [
  '/%c0%ae%c0%ae/',
  '/%',
  '/g/%ff',
  '/assets/%c0.js',
  '/join/%E0%A4%A',
  '/api/%c0%ae',
  '/api/sessions/%c0%ae',
  '/api/invites/%E0%A4%A/preview',
  '/collab/%c0%ae%c0%ae',
  // Well-formed escapes of an unpaired surrogate half are not UTF-8 either.
  '/api/groups/%ED%A0%80',
];

describe('malformed paths', () => {
  it.each(malformed)('GET %s is 400 invalid_path', async (path) => {
    const response = await send(server.url, undefined, 'GET', path);
    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(response.body).error.code).toBe('invalid_path');
    expect(server.errors()).toEqual([]);
  });

  it('refuses a write to a malformed path the same way', async () => {
    const response = await send(server.url, undefined, 'POST', '/api/invites/%zz/join', {});
    expect([response.status, apiErrorSchema.parse(response.body).error.code]).toEqual([
      400,
      'invalid_path',
    ]);
  });

  it.each([
    ['/collab/%c0%ae%c0%ae'],
    ['/%c0%ae%c0%ae/'],
    // A request target that is not even a URL (a host of `[`).
    ['//[/collab/x'],
    ['http://%zz/collab/x'],
  ])('refuses the websocket upgrade %s with 400 invalid_path', async (target) => {
    const response = await rawRequest(server.url, upgradeHead(server.url, target));
    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(JSON.parse(response.body)).error.code).toBe('invalid_path');
    expect(server.errors()).toEqual([]);
  });

  it('still serves well-formed paths: escapes that decode, the client, and a plain 404', async () => {
    expect((await fetch(`${server.url}/g/caf%C3%A9`)).status).toBe(200);
    expect((await fetch(`${server.url}/assets/app.js`)).status).toBe(200);
    expect((await send(server.url, undefined, 'GET', '/api/nothing-here')).status).toBe(404);
    expect(server.errors()).toEqual([]);
  });
});

describe('other unreadable requests', () => {
  it('answers an unsupported body charset with 415 bad_request, not 500', async () => {
    const response = await fetch(`${server.url}/api/me/sign-out`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=latin1' },
      body: '{}',
    });
    expect(response.status).toBe(415);
    expect(apiErrorSchema.parse(await response.json()).error.code).toBe('bad_request');
    expect(server.errors()).toEqual([]);
  });
});
