// The document relay on a real redis-server this file starts (and kills): updates reach the
// other instance byte for byte, an entry published right after subscribe resolves is never
// lost, presence travels, junk is dropped and counted, and a Redis restart makes listeners
// resync and carry on.
import { randomBytes } from 'node:crypto';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRelayListener, RelayedUpdate } from '../collab/relay/documentRelay.ts';
import { createLogger } from '../lib/logger.ts';
import { randomId } from '../lib/ids.ts';
import { RedisServer } from '../../test/helpers/redisServer.ts';
import { waitFor } from '../../test/helpers/waitFor.ts';
import { createScaleout, type Scaleout } from './scaleout.ts';

class Heard {
  updates: RelayedUpdate[] = [];
  presences: { bytes: Uint8Array; from: string }[] = [];
  resyncs = 0;
}
/** A listener that writes down what it hears in `heard`. */
const listenerOf = (heard: Heard): DocumentRelayListener => ({
  updates: (entries) => heard.updates.push(...entries),
  presence: (bytes, from) => heard.presences.push({ bytes, from }),
  resync: () => (heard.resyncs += 1),
});

describe('RedisDocumentRelay', () => {
  let redis: RedisServer;
  let a: Scaleout;
  let b: Scaleout;
  const registryB = new Registry();

  const open = async (registry: Registry) => {
    const scaleout = createScaleout({
      url: redis.url,
      registry,
      log: createLogger('silent'),
      onListenerError: () => {},
      onEventGap: () => {},
      maxBackoffMs: 200,
    });
    await waitFor(() => expect(scaleout.link.up).toBe(true));
    await scaleout.start();
    return scaleout;
  };

  beforeAll(async () => {
    redis = await RedisServer.start();
    a = await open(new Registry());
    b = await open(registryB);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.kill();
  });

  it('carries stored updates to the other instance with their bytes intact, never back to their own', async () => {
    const guideId = randomId();
    const onA = new Heard();
    const onB = new Heard();
    await a.relay.subscribe(guideId, listenerOf(onA));
    await b.relay.subscribe(guideId, listenerOf(onB));
    // Every byte value, a zero byte first, and one update of 1 MiB.
    const updates: RelayedUpdate[] = [
      { seq: 1, update: Uint8Array.from({ length: 256 }, (_, index) => index) },
      { seq: 2, update: new Uint8Array(randomBytes(1024 * 1024)) },
      { seq: 9_007_199_254_740_991, update: Uint8Array.of(0) },
    ];
    a.relay.publishUpdates(guideId, updates);
    await waitFor(() => expect(onB.updates).toHaveLength(3));
    expect(onB.updates.map(({ seq }) => seq)).toEqual(updates.map(({ seq }) => seq));
    onB.updates.forEach(({ update }, index) =>
      expect(Buffer.from(update).equals(Buffer.from(updates[index]?.update ?? []))).toBe(true),
    );
    // In stream order: once A has B's later entry, it has passed (and skipped) its own.
    b.relay.publishUpdates(guideId, [{ seq: 4, update: Uint8Array.of(7, 7) }]);
    await waitFor(() => expect(onA.updates.map(({ seq }) => seq)).toEqual([4]));
    expect(onB.updates).toHaveLength(3);
  });

  it('never loses an entry published right after subscribe resolves', async () => {
    for (let round = 0; round < 100; round += 1) {
      const guideId = randomId();
      const onB = new Heard();
      await b.relay.subscribe(guideId, listenerOf(onB));
      a.relay.publishUpdates(guideId, [{ seq: round, update: Uint8Array.of(round % 256, 1) }]);
      await waitFor(() => expect(onB.updates.map(({ seq }) => seq)).toEqual([round]));
    }
  });

  it('carries presence, naming the instance it came from', async () => {
    const guideId = randomId();
    const onB = new Heard();
    await b.relay.subscribe(guideId, listenerOf(onB));
    const awareness = Uint8Array.of(1, 200, 3, 0, 255);
    a.relay.publishPresence(guideId, awareness);
    await waitFor(() => expect(onB.presences).toHaveLength(1));
    expect([...(onB.presences[0]?.bytes ?? [])]).toEqual([...awareness]);
    expect(onB.presences[0]?.from).toBe(a.link.instanceId);
  });

  it('drops and counts entries that are not entries of ours, and keeps delivering', async () => {
    const guideId = randomId();
    const onB = new Heard();
    await b.relay.subscribe(guideId, listenerOf(onB));
    const raw = await redis.client();
    const add = (...fields: (string | Buffer)[]) =>
      raw.sendCommand(['XADD', `draftroom:doc:${guideId}`, '*', ...fields]);
    await add('k', 'updates', 'p', Buffer.of(1, 1, 5, 1)); // no origin
    await add('o', 'x', 'k', 'updates', 'p', Buffer.of(1, 1, 200, 1)); // length past the end
    await add('o', 'x', 'k', 'updates', 'p', Buffer.of(1, 1, 1, 1, 9)); // trailing bytes
    await add('o', 'x', 'k', 'updates', 'p', Buffer.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff)); // count
    await add('o', 'x', 'k', 'snapshot', 'p', Buffer.of(1)); // unknown kind
    await add('o', 'x', 'k', 'presence', 'p', ''); // empty presence
    await add('o', 'x', 'k', 'updates', 'p', Buffer.alloc(9 * 1024 * 1024)); // huge
    await add('o', 'x', 'k', 'updates', 'p', Buffer.of(1, 3, 2, 0xab, 0xcd)); // a good one
    await waitFor(() => expect(onB.updates.map(({ seq }) => seq)).toEqual([3]));
    expect([...(onB.updates[0]?.update ?? [])]).toEqual([0xab, 0xcd]);
    const metric = await registryB
      .getSingleMetric('draftroom_redis_entries_malformed_total')
      ?.get();
    expect(metric?.values.find((value) => value.labels.stream === 'documents')?.value).toBe(7);
    raw.destroy();
    a.relay.publishPresence(guideId, Uint8Array.of(1));
    await waitFor(() => expect(onB.presences).toHaveLength(1));
  });

  it('makes every listener resync when Redis restarts, and carries entries afterwards', async () => {
    const guideId = randomId();
    const onA = new Heard();
    const onB = new Heard();
    await a.relay.subscribe(guideId, listenerOf(onA));
    await b.relay.subscribe(guideId, listenerOf(onB));
    await redis.kill();
    await waitFor(() => expect([a.link.up, b.link.up]).toEqual([false, false]));
    a.relay.publishUpdates(guideId, [{ seq: 1, update: Uint8Array.of(1) }]); // dropped, no throw
    await redis.start();
    await waitFor(() => expect(onA.resyncs).toBeGreaterThan(0), 15_000);
    await waitFor(() => expect(onB.resyncs).toBeGreaterThan(0), 15_000);
    // The readers and the command connections reconnect each on their own: publish once A's
    // command connection is back (before that it would drop the entry, and tell B to resync).
    await waitFor(() => expect(a.link.up).toBe(true));
    a.relay.publishUpdates(guideId, [{ seq: 2, update: Uint8Array.of(2) }]);
    await waitFor(() => expect(onB.updates.map(({ seq }) => seq)).toContain(2));
  });
});
