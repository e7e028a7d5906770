// The websocket upgrade is refused with the documented HTTP status and a JSON error body, and
// accepted for a valid guide from our own or an allowed origin.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema, protocolVersion } from '@draftroom/shared';
import { addGuide } from './helpers/fixtures.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

type Outcome = { status: 'open' } | { status: number; code: string };

/** Tries an upgrade; resolves with `open`, or the refusal's status and error code. */
function tryUpgrade(url: string, headers: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => {
      socket.close();
      resolve({ status: 'open' });
    });
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        try {
          expect(response.headers['content-type']).toBe('application/json');
          const parsed = apiErrorSchema.parse(JSON.parse(body));
          resolve({ status: response.statusCode ?? 0, code: parsed.error.code });
        } catch (error) {
          reject(error as Error);
        }
      });
    });
  });
}

describe('websocket upgrade checks', () => {
  let server: TestServer;
  let withAllowedOrigin: TestServer;
  const guide = 'upgrade-guide';
  const wsBase = (target: TestServer) => target.url.replace(/^http/, 'ws');

  beforeAll(async () => {
    server = await startTestServer();
    withAllowedOrigin = await startTestServer({
      ALLOWED_ORIGINS: 'http://localhost:5173, https://conference.example',
    });
    await addGuide(server, guide);
    await addGuide(withAllowedOrigin, guide);
  });
  afterAll(async () => {
    await server?.cleanup();
    await withAllowedOrigin?.cleanup();
  });

  it('refuses an unknown path with 404', async () => {
    expect(await tryUpgrade(`${wsBase(server)}/socket/${guide}`)).toEqual({
      status: 404,
      code: 'not_found',
    });
  });

  it('refuses invalid document ids with 400', async () => {
    for (const id of ['-starts-with-dash', 'has%20space', 'a'.repeat(65), 'a/b', '']) {
      expect(await tryUpgrade(`${server.wsUrl}/${id}`)).toEqual({
        status: 400,
        code: 'invalid_document_id',
      });
    }
  });

  // A malformed escape is a malformed path, answered as the HTTP app answers it (and never a 503
  // "try again"); see malformedPaths.test.ts for more.
  it('refuses a malformed percent-escape in the id with 400 invalid_path, not 503', async () => {
    expect(await tryUpgrade(`${server.wsUrl}/%ZZ`)).toEqual({
      status: 400,
      code: 'invalid_path',
    });
  });

  it('refuses a guide that does not exist with 404, to a signed-in person', async () => {
    expect(await tryUpgrade(`${server.wsUrl}/no-such-guide`, { cookie: server.cookie })).toEqual({
      status: 404,
      code: 'not_found',
    });
  });

  it('refuses a foreign Origin with 403 and accepts its own', async () => {
    const url = `${server.wsUrl}/${guide}`;
    expect(await tryUpgrade(url, { Origin: 'https://evil.example' })).toEqual({
      status: 403,
      code: 'origin_not_allowed',
    });
    expect(await tryUpgrade(url, { Origin: 'null' })).toEqual({
      status: 403,
      code: 'origin_not_allowed',
    });
    expect(await tryUpgrade(url, { Origin: server.url })).toEqual({ status: 'open' });
  });

  it('accepts origins listed in ALLOWED_ORIGINS, and only those', async () => {
    const url = `${withAllowedOrigin.wsUrl}/${guide}`;
    expect(await tryUpgrade(url, { Origin: 'http://localhost:5173' })).toEqual({ status: 'open' });
    expect(await tryUpgrade(url, { Origin: 'https://conference.example' })).toEqual({
      status: 'open',
    });
    expect(await tryUpgrade(url, { Origin: 'http://localhost:5174' })).toEqual({
      status: 403,
      code: 'origin_not_allowed',
    });
    expect(
      await tryUpgrade(`${server.wsUrl}/${guide}`, { Origin: 'http://localhost:5173' }),
    ).toEqual({ status: 403, code: 'origin_not_allowed' });
  });

  it('refuses another protocol version with 426 and accepts the current one', async () => {
    expect(await tryUpgrade(`${server.wsUrl}/${guide}?v=999`)).toEqual({
      status: 426,
      code: 'protocol_version_mismatch',
    });
    expect(await tryUpgrade(`${server.wsUrl}/${guide}?v=${protocolVersion}`)).toEqual({
      status: 'open',
    });
  });
});
