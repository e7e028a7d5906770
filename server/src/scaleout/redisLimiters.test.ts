// A limit counted on Redis holds across instances: two limiters (two instances' links) on one
// real redis-server share one count. While Redis is down each falls back to its own memory
// limiter instead of failing, and counts on Redis again once it is back.
import { Registry } from 'prom-client';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../lib/logger.ts';
import { randomId } from '../lib/ids.ts';
import { createRedisMetrics } from '../observability/metrics.ts';
import { RedisServer } from '../../test/helpers/redisServer.ts';
import { waitFor } from '../../test/helpers/waitFor.ts';
import { redisLimiters } from './redisLimiters.ts';
import { RedisLink } from './redisLink.ts';

/** How many of `tries` consumes the limiter granted for `key`. */
async function granted(
  limiter: { consume(key: string): Promise<unknown> },
  key: string,
  tries: number,
): Promise<number> {
  let count = 0;
  for (let index = 0; index < tries; index += 1) {
    try {
      await limiter.consume(key);
      count += 1;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
    }
  }
  return count;
}

describe('limits on Redis', () => {
  let redis: RedisServer;
  const links: RedisLink[] = [];

  const link = async () => {
    const created = new RedisLink({
      url: redis.url,
      log: createLogger('silent'),
      metrics: createRedisMetrics(new Registry()),
      maxBackoffMs: 200,
    });
    links.push(created);
    await waitFor(() => expect(created.up).toBe(true));
    return created;
  };

  beforeAll(async () => {
    redis = await RedisServer.start();
  });

  afterAll(async () => {
    for (const created of links) await created.close();
    await redis.kill();
  });

  it('holds one count across two instances', async () => {
    const spec = { name: 'public', points: 5, durationSeconds: 60 };
    const first = redisLimiters(await link(), 'draftroom:')(spec);
    const second = redisLimiters(await link(), 'draftroom:')(spec);
    const address = `203.0.113.${Math.floor(Math.random() * 200)}-${randomId()}`;
    expect(await granted(first, address, 3)).toBe(3);
    // Two left in all, not five more on the second instance.
    expect(await granted(second, address, 5)).toBe(2);
    expect(await granted(first, address, 1)).toBe(0);
    // Another limit's counts are its own.
    const other = redisLimiters(
      links[0] as RedisLink,
      'draftroom:',
    )({ ...spec, name: 'deviceCode' });
    expect(await granted(other, address, 1)).toBe(1);
  });

  it('falls back to memory while Redis is down, and shares counts again once it is back', async () => {
    const [one, two] = links as [RedisLink, RedisLink];
    const spec = { name: 'person', points: 2, durationSeconds: 60 };
    const first = redisLimiters(one, 'draftroom:')(spec);
    const second = redisLimiters(two, 'draftroom:')(spec);
    await redis.kill();
    await waitFor(() => expect([one.up, two.up]).toEqual([false, false]));
    // Each instance alone: its own two (a limit still holds, per instance), never an error.
    expect(await granted(first, 'person-1', 4)).toBe(2);
    expect(await granted(second, 'person-1', 4)).toBe(2);
    await redis.start();
    await waitFor(() => expect([one.up, two.up]).toEqual([true, true]), 15_000);
    expect(await granted(first, 'person-2', 1)).toBe(1);
    expect(await granted(second, 'person-2', 3)).toBe(1);
  });
});
