// One instance loses Redis while the others keep it (its network to Redis cut, through a TCP
// relay the test controls): what it publishes meanwhile is dropped, never thrown, and once it
// is back it tells the others, whose guides resync and whose events are decided again.
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRelayListener } from '../collab/relay/documentRelay.ts';
import { createLogger } from '../lib/logger.ts';
import { randomId } from '../lib/ids.ts';
import { RedisServer } from '../../test/helpers/redisServer.ts';
import { TcpProxy } from '../../test/helpers/tcpProxy.ts';
import { waitFor } from '../../test/helpers/waitFor.ts';
import { createScaleout, type Scaleout } from './scaleout.ts';

describe('an instance that lost Redis alone', () => {
  let redis: RedisServer;
  let proxy: TcpProxy;
  let alone: Scaleout;
  let other: Scaleout;
  let otherEventGaps = 0;

  const open = async (url: string, onEventGap: () => void) => {
    const scaleout = createScaleout({
      url,
      registry: new Registry(),
      log: createLogger('silent'),
      onListenerError: () => {},
      onEventGap,
      maxBackoffMs: 200,
    });
    await waitFor(() => expect(scaleout.link.up).toBe(true));
    await scaleout.start();
    return scaleout;
  };

  beforeAll(async () => {
    redis = await RedisServer.start();
    proxy = await TcpProxy.start(redis.port);
    alone = await open(`redis://127.0.0.1:${proxy.port}`, () => {});
    other = await open(redis.url, () => (otherEventGaps += 1));
  });

  afterAll(async () => {
    await alone?.close();
    await other?.close();
    await proxy?.cut();
    await redis?.kill();
  });

  it('drops what it publishes meanwhile, then makes the others resync', async () => {
    const guideId = randomId();
    const resyncs: string[] = [];
    const updates: number[] = [];
    const listener: DocumentRelayListener = {
      updates: (entries) => updates.push(...entries.map(({ seq }) => seq)),
      presence: () => {},
      resync: () => resyncs.push(guideId),
    };
    await other.relay.subscribe(guideId, listener);
    const gapsBefore = otherEventGaps;
    await proxy.cut();
    await waitFor(() => expect(alone.link.up).toBe(false));
    expect(other.link.up).toBe(true);
    alone.relay.publishUpdates(guideId, [{ seq: 1, update: Uint8Array.of(1) }]);
    alone.events.publish('sessionLive', { sessionId: randomId() });
    await proxy.restore();
    await waitFor(() => expect(resyncs).toEqual([guideId]), 15_000);
    await waitFor(() => expect(otherEventGaps).toBe(gapsBefore + 1), 15_000);
    // Nothing it dropped arrives late, and what it publishes now arrives.
    alone.relay.publishUpdates(guideId, [{ seq: 2, update: Uint8Array.of(2) }]);
    await waitFor(() => expect(updates).toEqual([2]));
  });
});
