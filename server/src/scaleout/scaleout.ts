import type { Logger } from '../lib/logger.ts';
import type { Limiters } from '../lib/rateLimits.ts';
import { createRedisMetrics } from '../observability/metrics.ts';
import type { Registry } from 'prom-client';
import type { Topic } from '../services/events/eventBus.ts';
import { RedisDocumentRelay } from './redisDocumentRelay.ts';
import { RedisEventBus } from './redisEventBus.ts';
import { redisLimiters } from './redisLimiters.ts';
import { RedisLink } from './redisLink.ts';
import { StreamReader } from './streamReader.ts';

export interface ScaleoutOptions {
  /** REDIS_URL. */
  url: string;
  /** INSTANCE_ID, or random. */
  instanceId?: string;
  /** Every key this instance uses starts with it (default `draftroom:`). */
  prefix?: string;
  registry: Registry;
  log: Logger;
  onListenerError(topic: Topic, error: unknown): void;
  /** The events' stream may have lost entries: decide everything events decide again. */
  onEventGap(): void;
  maxBackoffMs?: number;
}

/** What several instances share through Redis: live events, guides' edits and presence, limits. */
export interface Scaleout {
  link: RedisLink;
  events: RedisEventBus;
  relay: RedisDocumentRelay;
  limiters: Limiters;
  /** Why Redis cannot relay now, since when (`/readyz`), or undefined. */
  problem(): { message: string; since: string } | undefined;
  /** Starts reading (resolves once the events' stream is followed, or at once if Redis is down). */
  start(): Promise<void>;
  close(): Promise<void>;
}

export function createScaleout(options: ScaleoutOptions): Scaleout {
  const prefix = options.prefix ?? 'draftroom:';
  const log = options.log.child({ category: 'redis' });
  const metrics = createRedisMetrics(options.registry);
  const link = new RedisLink({
    url: options.url,
    instanceId: options.instanceId,
    log,
    metrics,
    maxBackoffMs: options.maxBackoffMs,
  });
  const reader = new StreamReader(link, { log, prefix });
  const events = new RedisEventBus({
    link,
    reader,
    prefix,
    metrics,
    log,
    onListenerError: options.onListenerError,
    onGap: () => options.onEventGap(),
  });
  const relay = new RedisDocumentRelay({ link, reader, prefix, metrics, log });
  return {
    link,
    events,
    relay,
    limiters: redisLimiters(link, prefix),
    problem: () => link.problem,
    async start() {
      reader.start();
      await events.start();
    },
    async close() {
      events.close();
      await relay.close();
      await reader.close();
      await link.close();
      await reader.stopped();
    },
  };
}
