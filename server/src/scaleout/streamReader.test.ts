// The stream reader on a real redis-server: after its connection is cut (Redis still up) it
// reads on from its last ids, with no gap; a stream trimmed past what it read is a gap; a key
// that is not a stream costs only its own follower.
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../lib/logger.ts';
import { randomId } from '../lib/ids.ts';
import { createRedisMetrics } from '../observability/metrics.ts';
import { RedisServer } from '../../test/helpers/redisServer.ts';
import { waitFor } from '../../test/helpers/waitFor.ts';
import { RedisLink } from './redisLink.ts';
import { StreamReader, type StreamFollower } from './streamReader.ts';

class Follower implements StreamFollower {
  values: string[] = [];
  gaps = 0;
  unreadableCount = 0;
  entries(entries: readonly { fields: Map<string, Buffer> }[]): void {
    for (const entry of entries) this.values.push(entry.fields.get('v')?.toString() ?? '?');
  }
  gap(): void {
    this.gaps += 1;
  }
  unreadable(count: number): void {
    this.unreadableCount += count;
  }
}

describe('StreamReader', () => {
  let redis: RedisServer;
  let link: RedisLink;
  let reader: StreamReader;
  let raw: Awaited<ReturnType<RedisServer['client']>>;
  const count = 5;

  beforeAll(async () => {
    redis = await RedisServer.start();
    link = new RedisLink({
      url: redis.url,
      log: createLogger('silent'),
      metrics: createRedisMetrics(new Registry()),
      maxBackoffMs: 200,
    });
    reader = new StreamReader(link, { log: createLogger('silent'), prefix: 'test:', count });
    reader.start();
    await waitFor(() => expect(link.up).toBe(true));
    raw = await redis.client();
  });

  afterAll(async () => {
    raw?.destroy();
    await reader?.close();
    await link?.close();
    await reader?.stopped();
    await redis?.kill();
  });

  const add = (key: string, value: string) =>
    raw.sendCommand(['XADD', key, 'MAXLEN', '~', '1000', '*', 'v', value]);

  it('reads on from its last id after its connection is cut, without a gap', async () => {
    const key = `test:${randomId()}`;
    const follower = new Follower();
    await reader.follow(key, follower);
    await add(key, 'before');
    await waitFor(() => expect(follower.values).toEqual(['before']));
    // Cut the reader's connection (Redis stays up and keeps the stream), then publish at once:
    // the entries land while it reconnects, and are read from where it stopped.
    await raw.sendCommand(['CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes']);
    await add(key, 'while away 1');
    await add(key, 'while away 2');
    await waitFor(() =>
      expect(follower.values).toEqual(['before', 'while away 1', 'while away 2']),
    );
    await add(key, 'after');
    await waitFor(() => expect(follower.values).toHaveLength(4));
    expect(follower.gaps).toBe(0);
  });

  it('reports a gap when the stream was trimmed past what it read, then reads on', async () => {
    const key = `test:${randomId()}`;
    const follower = new Follower();
    await reader.follow(key, follower);
    await add(key, 'first');
    await waitFor(() => expect(follower.values).toEqual(['first']));
    // Twenty entries and a trim to five, at once: the reader can never see the fifteen lost.
    const multi = raw.multi();
    for (let index = 0; index < 20; index += 1) {
      multi.addCommand(['XADD', key, 'MAXLEN', String(count), '*', 'v', `burst ${index}`]);
    }
    await multi.exec();
    await waitFor(() => expect(follower.gaps).toBe(1));
    await add(key, 'later');
    await waitFor(() => expect(follower.values.at(-1)).toBe('later'));
    expect(follower.gaps).toBe(1);
  });

  it('sets aside a followed key that is not a stream; the other streams keep flowing', async () => {
    const bad = `test:${randomId()}`;
    const good = `test:${randomId()}`;
    const onBad = new Follower();
    const onGood = new Follower();
    await reader.follow(bad, onBad);
    await reader.follow(good, onGood);
    await raw.set(bad, 'not a stream');
    await add(good, 'still here');
    await waitFor(() => expect(onGood.values).toEqual(['still here']));
    await waitFor(() => expect(onBad.gaps).toBe(1));
    await add(good, 'and here');
    await waitFor(() => expect(onGood.values).toEqual(['still here', 'and here']));
  });
});
