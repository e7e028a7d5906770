// The link to a real redis-server this file starts and kills: each up/down transition is
// logged once (not once per failed attempt) and counted, it comes back by itself, and the
// URL's password appears in no log line and no /readyz reason.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisMetrics } from '../observability/metrics.ts';
import { RedisServer } from '../../test/helpers/redisServer.ts';
import { waitFor } from '../../test/helpers/waitFor.ts';
import { RedisLink } from './redisLink.ts';

/** A logger whose JSON lines are kept for the test to read. */
function capturedLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const messages = () => lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
  return { log: pino({ level: 'debug' }, sink), lines, messages };
}

describe('RedisLink', () => {
  let redis: RedisServer;
  const links: RedisLink[] = [];

  beforeAll(async () => {
    redis = await RedisServer.start();
  });

  afterAll(async () => {
    for (const link of links) await link.close();
    await redis?.kill();
  });

  it('logs and counts each transition once, and comes back by itself', async () => {
    const { log, messages } = capturedLogger();
    const registry = new Registry();
    const link = new RedisLink({
      url: redis.url,
      instanceId: 'web-1',
      log,
      metrics: createRedisMetrics(registry),
      maxBackoffMs: 100,
    });
    links.push(link);
    const transitions: boolean[] = [];
    link.onChange((up) => transitions.push(up));
    await waitFor(() => expect(link.up).toBe(true));
    expect(link.instanceId).toMatch(/^web-1-[0-9a-f]{12}$/);
    await redis.kill();
    await waitFor(() => expect(link.up).toBe(false));
    // Several attempts fail while it is gone (100 ms apart at most): still one "down".
    await waitFor(() => expect(link.problem?.message).toMatch(/ECONNREFUSED|closed/i), 5_000);
    await redis.start();
    await waitFor(() => expect(link.up).toBe(true), 15_000);
    expect(transitions).toEqual([true, false, true]);
    expect(messages().filter((message) => message.startsWith('redis down'))).toHaveLength(1);
    expect(messages().filter((message) => message === 'redis up')).toHaveLength(2);
    const disconnects = await registry.getSingleMetric('draftroom_redis_disconnects_total')?.get();
    expect(disconnects?.values[0]?.value).toBe(1);
    await link.close();
    // A graceful close is not an outage.
    expect(messages().filter((message) => message.startsWith('redis down'))).toHaveLength(1);
  });

  it('is down while Redis answers nothing on an open connection, and up once it answers', async () => {
    const { log, messages } = capturedLogger();
    const link = new RedisLink({
      url: redis.url,
      log,
      metrics: createRedisMetrics(new Registry()),
      pingEveryMs: 200,
    });
    links.push(link);
    await waitFor(() => expect(link.up).toBe(true));
    redis.pause();
    try {
      await waitFor(() => expect(link.up).toBe(false), 10_000);
      expect(link.problem?.message).toMatch(/has not answered a PING/);
    } finally {
      redis.resume();
    }
    await waitFor(() => expect(link.up).toBe(true), 10_000);
    expect(messages().filter((message) => message.startsWith('redis down'))).toHaveLength(1);
  });

  it('never shows the password of the URL', async () => {
    const { log, lines } = capturedLogger();
    // This redis-server has no password: AUTH fails, so the link stays down, retrying.
    const link = new RedisLink({
      url: `redis://someone:s3cret-word@127.0.0.1:${redis.port}`,
      log,
      metrics: createRedisMetrics(new Registry()),
      maxBackoffMs: 100,
    });
    links.push(link);
    await waitFor(() => expect(link.problem?.message).toMatch(/AUTH|WRONGPASS|password/i));
    expect(link.problem?.message).toContain('someone:***@127.0.0.1');
    expect(link.problem?.message).not.toContain('s3cret');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toContain('s3cret');
  });
});
