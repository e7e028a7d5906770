// The event bus across instances, on a real redis-server this file starts (and kills): two
// instances hear each other's events once; Redis killed and restarted mid-traffic is survived
// without a restart, with a gap reported; hand-written junk entries are dropped and counted.
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../lib/logger.ts';
import { randomId } from '../lib/ids.ts';
import type { LiveEvents } from '../services/events/eventBus.ts';
import { RedisServer } from '../../test/helpers/redisServer.ts';
import { waitFor } from '../../test/helpers/waitFor.ts';
import { createScaleout, type Scaleout } from './scaleout.ts';

interface Instance {
  scaleout: Scaleout;
  registry: Registry;
  heard: string[];
  gaps: number;
}

async function counter(registry: Registry, name: string, stream: string): Promise<number> {
  const metric = await registry.getSingleMetric(name)?.get();
  return metric?.values.find((value) => value.labels.stream === stream)?.value ?? 0;
}

describe('RedisEventBus', () => {
  let redis: RedisServer;
  const instances: Instance[] = [];

  async function instance(): Promise<Instance> {
    const registry = new Registry();
    const created: Instance = { scaleout: undefined as never, registry, heard: [], gaps: 0 };
    created.scaleout = createScaleout({
      url: redis.url,
      registry,
      log: createLogger('silent'),
      onListenerError: (_topic, error) => {
        throw error;
      },
      onEventGap: () => (created.gaps += 1),
      maxBackoffMs: 200,
    });
    created.scaleout.events.subscribe('sessionLive', ({ sessionId }) =>
      created.heard.push(sessionId),
    );
    await waitFor(() => expect(created.scaleout.link.up).toBe(true));
    await created.scaleout.start();
    instances.push(created);
    return created;
  }

  beforeAll(async () => {
    redis = await RedisServer.start();
  });

  afterAll(async () => {
    for (const { scaleout } of instances) await scaleout.close();
    await redis.kill();
  });

  it("delivers each instance's events to the other, and its own only once (locally, at once)", async () => {
    const a = await instance();
    const b = await instance();
    const first = randomId();
    b.scaleout.events.publish('sessionLive', { sessionId: first });
    // Local listeners run synchronously, before publish returns, as on one instance.
    expect(b.heard).toEqual([first]);
    await waitFor(() => expect(a.heard).toEqual([first]));
    // The stream is read in order: once B has A's later event, it has passed its own entry.
    const second = randomId();
    a.scaleout.events.publish('sessionLive', { sessionId: second });
    await waitFor(() => expect(b.heard).toEqual([first, second]));
    expect(a.heard).toEqual([first, second]);
  });

  it('survives Redis killed and restarted: reports the gap, then carries events again', async () => {
    const [a, b] = instances as [Instance, Instance];
    a.heard.length = 0;
    b.heard.length = 0;
    const gapsBefore = [a.gaps, b.gaps];
    await redis.kill();
    await waitFor(() => expect([a.scaleout.link.up, b.scaleout.link.up]).toEqual([false, false]));
    // Published while Redis is gone: heard locally, dropped (counted), never thrown.
    const lost = randomId();
    a.scaleout.events.publish('sessionLive', { sessionId: lost });
    expect(a.heard).toEqual([lost]);
    expect(a.scaleout.problem()?.message).toMatch(/unreachable/);
    expect(await counter(a.registry, 'draftroom_redis_publish_dropped_total', 'events')).toBe(1);
    await redis.start();
    await waitFor(() => expect(a.gaps).toBeGreaterThan(gapsBefore[0] as number), 15_000);
    await waitFor(() => expect(b.gaps).toBeGreaterThan(gapsBefore[1] as number), 15_000);
    await waitFor(() => expect(a.scaleout.problem()).toBeUndefined());
    await waitFor(() => expect(b.scaleout.link.up).toBe(true));
    const after = randomId();
    b.scaleout.events.publish('sessionLive', { sessionId: after });
    await waitFor(() => expect(a.heard).toEqual([lost, after]));
    const metric = await a.registry.getSingleMetric('draftroom_redis_disconnects_total')?.get();
    expect(metric?.values[0]?.value).toBe(1);
  });

  it('drops and counts malformed entries, and keeps delivering', async () => {
    const [a] = instances as [Instance, Instance];
    a.heard.length = 0;
    const raw = await redis.client();
    const add = (...fields: (string | Buffer)[]) =>
      raw.sendCommand(['XADD', 'draftroom:events', '*', ...fields]);
    const event = (topic: string, body: unknown) =>
      JSON.stringify({ origin: 'another-version', topic, event: body });
    await add('data', '{not json');
    await add('data', event('timeTravel', { sessionId: 'x' }));
    await add('data', Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x7b]));
    await add('data', event('sessionLive', { sessionId: 'x'.repeat(5 * 1024 * 1024) }));
    await add('other', event('sessionLive', { sessionId: 'abc' }));
    await add('data', event('sessionLive', { sessionId: 5 }));
    await add('data', JSON.stringify(['sessionLive', { sessionId: 'abc' }]));
    await add('data', event('guideLock', { guideIds: ['g1'], locked: 'yes', reason: 'freeze' }));
    const good: LiveEvents['sessionLive'] = { sessionId: randomId() };
    await add('data', event('sessionLive', good));
    await waitFor(() => expect(a.heard).toEqual([good.sessionId]));
    expect(await counter(a.registry, 'draftroom_redis_entries_malformed_total', 'events')).toBe(8);
    raw.destroy();
    const later = randomId();
    instances[1]?.scaleout.events.publish('sessionLive', { sessionId: later });
    await waitFor(() => expect(a.heard).toEqual([good.sessionId, later]));
  });
});
