// The REST API and operations endpoints answer with the shared schemas, stable error codes and
// the documented statuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema, guideListSchema, guideSchema, limits } from '@draftroom/shared';
import { demoGuides } from '../src/services/demoGuides.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

describe('REST API', () => {
  let server: TestServer;
  const get = (path: string) => fetch(`${server.url}${path}`);
  const post = (body: string, contentType = 'application/json') =>
    fetch(`${server.url}/api/guides`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
  const listGuides = async () => guideListSchema.parse(await (await get('/api/guides')).json());
  const countGuides = async () =>
    ((await (await get('/api/guides')).json()) as { guides: unknown[] }).guides.length;
  /** Asserts an error response and returns its parsed body. */
  const expectError = async (response: Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    const body = apiErrorSchema.parse(await response.json());
    expect(body.error.code).toBe(code);
    expect(body.error.message).not.toBe('');
    return body.error;
  };

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('lists the seeded demo guides', async () => {
    const response = await get('/api/guides');
    expect(response.status).toBe(200);
    const { guides } = guideListSchema.parse(await response.json());
    expect(guides.map(({ id, title }) => ({ id, title }))).toEqual(
      demoGuides.map(({ id, title }) => ({ id, title })),
    );
  });

  it('creates a guide: 201, Location, a valid guide, then listed and fetchable', async () => {
    const response = await post(JSON.stringify({ title: '  Citizen engagement online  ' }));
    expect(response.status).toBe(201);
    const guide = guideSchema.parse(await response.json());
    expect(guide.title).toBe('Citizen engagement online');
    expect(response.headers.get('location')).toBe(`/api/guides/${guide.id}`);
    expect((await listGuides()).guides).toContainEqual(guide);
    const fetched = await get(`/api/guides/${guide.id}`);
    expect(fetched.status).toBe(200);
    expect(guideSchema.parse(await fetched.json())).toEqual(guide);
  });

  it('accepts a title of exactly limits.maxTitleLength characters', async () => {
    const title = 'x'.repeat(limits.maxTitleLength);
    const response = await post(JSON.stringify({ title }));
    expect(response.status).toBe(201);
    expect(((await response.json()) as { title: string }).title).toBe(title);
  });

  it('refuses invalid titles with 400 validation_failed and details', async () => {
    const before = await countGuides();
    for (const body of [
      { title: '' },
      { title: '   ' },
      {},
      { title: 42 },
      { title: 'x'.repeat(limits.maxTitleLength + 1) },
    ]) {
      const error = await expectError(await post(JSON.stringify(body)), 400, 'validation_failed');
      expect(error.details).toEqual([{ path: 'title', message: expect.any(String) }]);
    }
    await expectError(await post('title=Form', 'text/plain'), 400, 'validation_failed');
    expect(await countGuides()).toBe(before);
  });

  it('refuses a body that is not JSON with 400 invalid_json', async () => {
    await expectError(await post('{"title": '), 400, 'invalid_json');
  });

  it('refuses a body over 64 KB with 413 payload_too_large', async () => {
    const body = JSON.stringify({ title: 'x'.repeat(64 * 1024) });
    await expectError(await post(body), 413, 'payload_too_large');
  });

  it('answers unknown API routes and unknown guides with 404 not_found', async () => {
    await expectError(await get('/api/nothing-here'), 404, 'not_found');
    await expectError(
      await fetch(`${server.url}/api/guides`, { method: 'DELETE' }),
      404,
      'not_found',
    );
    await expectError(await get('/api/guides/no-such-guide'), 404, 'not_found');
    await expectError(await get('/api/guides/-not-an-id'), 404, 'not_found');
  });

  it('serves /healthz, /readyz and Prometheus /metrics', async () => {
    const health = await get('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });

    const metrics = await get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await metrics.text();
    expect(text).toContain('# TYPE draftroom_ws_connections gauge');
    expect(text).toMatch(/^draftroom_ws_connections 0$/m);
    expect(text).toContain('# TYPE draftroom_persist_duration_seconds histogram');
    expect(text).toMatch(/^draftroom_persist_duration_seconds_count \d+$/m);
  });
});

describe('REST API without demo content', () => {
  it('starts with no guides when SEED_DEMO is false', async () => {
    const server = await startTestServer({ SEED_DEMO: 'false' });
    try {
      const response = await fetch(`${server.url}/api/guides`);
      expect(guideListSchema.parse(await response.json())).toEqual({ guides: [] });
    } finally {
      await server.cleanup();
    }
  });
});

describe('ids of new guides', () => {
  // BUG: lib/ids.ts randomId() is base64url, so 1 id in 32 starts with "-" or "_", which
  // documentIdSchema refuses: such a guide is created, but GET /api/guides/:id answers 404, its
  // websocket upgrade 400, and GET /api/guides no longer parses with guideListSchema (the whole
  // list breaks in the client). 400 creations show the bug every time (miss: (31/32)^400 ≈ 3e-6).
  it('are valid document ids, so every guide can be fetched and listed', async () => {
    const server = await startTestServer({ SEED_DEMO: 'false' });
    try {
      for (let index = 0; index < 400; index++) {
        const response = await fetch(`${server.url}/api/guides`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"title":"Many"}',
        });
        const { id } = (await response.json()) as { id: string };
        expect((await fetch(`${server.url}/api/guides/${id}`)).status).toBe(200);
      }
      guideListSchema.parse(await (await fetch(`${server.url}/api/guides`)).json());
    } finally {
      await server.cleanup();
    }
  });
});
