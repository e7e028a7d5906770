// Two real Draftroom servers with REDIS_URL on one private redis-server: the join limit per
// address holds across both, /readyz says Redis is down (and which part) while it is killed and
// is ready again once it is back, without a restart; /metrics shows the link; the events gap
// a Redis restart leaves ends open session streams (pages reconnect and read afresh).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuide } from '../../testing/index.ts';
import { RedisServer } from '../../test/helpers/redisServer.ts';
import { startTestServer, type TestServer } from '../../test/helpers/testServer.ts';
import { waitFor } from '../../test/helpers/waitFor.ts';

async function readiness(url: string) {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('several servers on Redis', () => {
  let redis: RedisServer;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    redis = await RedisServer.start();
    const env = { REDIS_URL: redis.url, JOIN_RATE_LIMIT_PER_MINUTE: '10', SEED_DEMO: 'false' };
    a = await startTestServer({ ...env, INSTANCE_ID: 'a' });
    b = await startTestServer({ ...env, INSTANCE_ID: 'b' });
    await waitFor(async () => expect((await readiness(a.url)).status).toBe(200));
    await waitFor(async () => expect((await readiness(b.url)).status).toBe(200));
  });

  afterAll(async () => {
    await a?.cleanup();
    await b?.cleanup();
    await redis?.kill();
  });

  it('holds the join limit per address across instances', async () => {
    const preview = async (server: TestServer) =>
      (await fetch(`${server.url}/api/invites/not-a-real-token/preview`)).status;
    // Alternating between the two until refused: with a count per instance that would be
    // about 2 × 10 (less the organisers' own joins at start); with one shared count, under 10.
    let granted = 0;
    for (let index = 0; index < 40; index += 1) {
      if ((await preview(index % 2 ? b : a)) === 429) break;
      granted += 1;
    }
    expect(granted).toBeLessThan(10);
    expect(await preview(a)).toBe(429);
    expect(await preview(b)).toBe(429);
  });

  it('is not ready while Redis is down, says so, and is ready again once it is back', async () => {
    // A session page's live stream, open on A: resolves when the server ends it.
    const group = await createGuide(a.organiser, 'Gap guide');
    const response = await fetch(`${a.url}/api/sessions/${group.sessionId}/events`, {
      headers: { cookie: a.cookie },
    });
    expect(response.status).toBe(200);
    const body = (response.body as ReadableStream<Uint8Array>).getReader();
    const ended = (async () => {
      while (!(await body.read()).done);
      return true;
    })();
    let streamEnded = false;
    void ended.then(() => (streamEnded = true));
    await redis.kill();
    await waitFor(async () =>
      expect(await readiness(a.url)).toMatchObject({
        status: 503,
        body: {
          status: 'not_ready',
          reason: 'redis_unreachable',
          message: expect.stringContaining(`Redis (${redis.url}`),
          down: ['redis'],
        },
      }),
    );
    const metrics = await (await fetch(`${a.url}/metrics`)).text();
    expect(metrics).toMatch(/^draftroom_redis_up 0$/m);
    expect(metrics).toMatch(/^draftroom_redis_disconnects_total 1$/m);
    await redis.start();
    await waitFor(
      async () =>
        expect(await readiness(a.url)).toEqual({ status: 200, body: { status: 'ready' } }),
      15_000,
    );
    await waitFor(async () => expect((await readiness(b.url)).status).toBe(200), 15_000);
    expect(await (await fetch(`${a.url}/metrics`)).text()).toMatch(/^draftroom_redis_up 1$/m);
    // Redis restarted: events may have been missed, so the page's stream was ended.
    await waitFor(() => expect(streamEnded).toBe(true), 15_000);
  });
});
