import type { Logger } from '../lib/logger.ts';
import type { RedisMetrics } from '../observability/metrics.ts';
import {
  InProcessEventBus,
  type EventBus,
  type LiveEvents,
  type Listener,
  type Topic,
} from '../services/events/eventBus.ts';
import { isTopic, parseLiveEvent } from './liveEventSchemas.ts';
import type { RedisLink } from './redisLink.ts';
import type { StreamEntry } from './streamIds.ts';
import type { StreamReader } from './streamReader.ts';

/** Largest event entry read from another instance (a comment thread is the biggest event). */
export const maxEventBytes = 4 * 1024 * 1024;

export interface RedisEventBusOptions {
  link: RedisLink;
  reader: StreamReader;
  /** Key prefix (`draftroom:`): the stream is `<prefix>events`. */
  prefix: string;
  /** Entries the stream keeps (`XADD … MAXLEN ~`); a reader further behind resyncs. */
  maxLength?: number;
  metrics: RedisMetrics;
  log: Logger;
  onListenerError(topic: Topic, error: unknown): void;
  /**
   * Events from other instances may have been missed (Redis restarted, the stream was trimmed
   * past what was read, another instance could not publish while it had lost Redis): decide
   * again whatever events decide (open sockets' access, open pages' contents).
   */
  onGap(): void;
}

/**
 * The event bus across instances: local listeners run synchronously on publish, exactly as on
 * one instance (InProcessEventBus), and the event also goes on one Redis stream for the other
 * instances, which run their listeners when they read it. An instance skips its own entries.
 *
 * Publishing never throws or waits. While Redis is down the event is dropped (counted in
 * `draftroom_redis_publish_dropped_total`) rather than queued: an unbounded queue is a memory
 * leak during an outage, and a bounded one loses events silently. Instead, once Redis is back,
 * an instance that dropped anything publishes a gap notice, and every other instance calls
 * `onGap` and re-decides from the database, which holds the truth the events only point at.
 */
export class RedisEventBus implements EventBus {
  private readonly local: InProcessEventBus;
  private readonly key: string;
  private readonly maxLength: number;
  private droppedSomething = false;
  private stopFollowing: (() => void) | undefined;
  private readonly stopWatching: () => void;

  constructor(private readonly options: RedisEventBusOptions) {
    this.local = new InProcessEventBus(options.onListenerError);
    this.key = `${options.prefix}events`;
    this.maxLength = options.maxLength ?? 10_000;
    this.stopWatching = options.link.onChange((up) => {
      if (up && this.droppedSomething) this.announceGap();
    });
  }

  /** Starts reading the other instances' events (from now on). */
  async start(): Promise<void> {
    this.stopFollowing = await this.options.reader.follow(this.key, {
      entries: (entries) => this.received(entries),
      gap: () => this.gap(),
      unreadable: (count) => this.options.metrics.malformed.inc({ stream: 'events' }, count),
    });
  }

  publish<T extends Topic>(topic: T, event: LiveEvents[T]): void {
    this.local.publish(topic, event);
    this.write({ origin: this.options.link.instanceId, topic, event });
  }

  subscribe<T extends Topic>(topic: T, listener: Listener<T>): () => void {
    return this.local.subscribe(topic, listener);
  }

  close(): void {
    this.stopWatching();
    this.stopFollowing?.();
  }

  private write(entry: { origin: string; topic?: Topic; event?: unknown; gap?: true }): void {
    const dropped = () => {
      this.droppedSomething = true;
      this.options.metrics.dropped.inc({ stream: 'events' });
    };
    if (!this.options.link.up) return dropped();
    let data: string;
    try {
      data = JSON.stringify(entry);
    } catch (error) {
      this.options.log.error({ err: error, topic: entry.topic }, 'a live event could not be sent');
      return;
    }
    this.options.link.command
      .sendCommand(['XADD', this.key, 'MAXLEN', '~', String(this.maxLength), '*', 'data', data])
      .catch(dropped);
  }

  private announceGap(): void {
    this.droppedSomething = false;
    this.options.log.warn('events were dropped while redis was down: the other instances resync');
    this.write({ origin: this.options.link.instanceId, gap: true });
  }

  private gap(): void {
    this.options.metrics.gaps.inc({ stream: 'events' });
    try {
      this.options.onGap();
    } catch (error) {
      this.options.log.error({ err: error }, 'resync after an event gap failed');
    }
  }

  private received(entries: readonly StreamEntry[]): void {
    for (const entry of entries) {
      const parsed = this.parse(entry);
      if (parsed === 'malformed') {
        this.options.metrics.malformed.inc({ stream: 'events' });
      } else if (parsed === 'gap') {
        this.gap();
      } else if (parsed) {
        this.local.publish(parsed.topic, parsed.event as LiveEvents[typeof parsed.topic]);
      }
    }
  }

  /** An entry from Redis: anyone's, any version's. Undefined for our own. */
  private parse(
    entry: StreamEntry,
  ): { topic: Topic; event: LiveEvents[Topic] } | 'gap' | 'malformed' | undefined {
    const data = entry.fields.get('data');
    if (!data || data.length > maxEventBytes) return 'malformed';
    let value: unknown;
    try {
      value = JSON.parse(data.toString('utf8'));
    } catch {
      return 'malformed';
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'malformed';
    const { origin, topic, event, gap } = value as Record<string, unknown>;
    if (typeof origin !== 'string') return 'malformed';
    if (origin === this.options.link.instanceId) return undefined;
    if (gap === true) return 'gap';
    if (!isTopic(topic)) return 'malformed';
    const checked = parseLiveEvent(topic, event);
    return checked === undefined ? 'malformed' : { topic, event: checked };
  }
}
