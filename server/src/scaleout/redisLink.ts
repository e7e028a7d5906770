import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import type { Logger } from '../lib/logger.ts';
import type { RedisMetrics } from '../observability/metrics.ts';

/**
 * One connection to Redis: RESP2, whose replies are plain arrays (the stream reader parses them
 * by hand; RESP3 would give maps that differ by command).
 */
const connect = (options: Omit<Parameters<typeof createClient>[0] & object, 'RESP'>) =>
  createClient({ ...options, RESP: 2 });
export type RedisConnection = ReturnType<typeof connect>;

export interface RedisLinkOptions {
  url: string;
  /** This instance's name for people (INSTANCE_ID): logs, and the start of its origin id. */
  instanceId?: string;
  log: Logger;
  metrics: RedisMetrics;
  /** The longest wait between two reconnection attempts (milliseconds). */
  maxBackoffMs?: number;
  /** How often the command connection is checked with a PING; unanswered for twice that: down. */
  pingEveryMs?: number;
}

/**
 * The link to Redis: one command connection (publishing, limits, looking up a stream's last
 * id), and dedicated connections for blocking reads (a blocked XREAD holds its connection).
 *
 * Every connection reconnects forever with capped, jittered backoff: losing Redis is an outage
 * to recover from, never a reason to stop. The command connection runs without node-redis's
 * offline queue: while Redis is down a command fails at once instead of waiting in an unbounded
 * queue (callers drop and count, and tell the others to resync once Redis is back). Whether the
 * link is up is the command connection's state; each transition is logged once and shown in
 * `draftroom_redis_up` / `draftroom_redis_disconnects_total`.
 */
export class RedisLink {
  /**
   * This process's origin in every entry it writes (own entries are skipped by it): INSTANCE_ID
   * plus a random part, always. Two instances given the same INSTANCE_ID by mistake (a copied
   * deployment template) would otherwise skip each other's entries and silently miss edits.
   */
  readonly instanceId: string;
  readonly command: RedisConnection;
  private readonly connections = new Set<RedisConnection>();
  private readonly listeners = new Set<(up: boolean) => void>();
  private isUp = false;
  private lastError = '';
  private downSince = new Date().toISOString();
  private closed = false;
  /** Whether "unreachable" was said before the link was ever up (said once, like a transition). */
  private saidUnreachable = false;
  /** The last PING went unanswered too long: Redis hangs, or the network dropped silently. */
  private silent = false;
  private pinging = false;
  private readonly watchdog: NodeJS.Timeout;
  private readonly where: string;

  constructor(private readonly options: RedisLinkOptions) {
    const random = randomBytes(6).toString('hex');
    this.instanceId = options.instanceId ? `${options.instanceId}-${random}` : random;
    this.where = describeUrl(options.url);
    options.metrics.up.set(0);
    options.log.info({ redis: this.where, instanceId: this.instanceId }, 'connecting to redis');
    this.command = this.connection('command', () => this.changed(), true);
    this.watchdog = setInterval(() => this.ping(), options.pingEveryMs ?? 5_000);
    this.watchdog.unref();
  }

  /** Whether the command connection is up (publishing and shared limits work). */
  get up(): boolean {
    return this.isUp;
  }

  /** Why the link is down, and since when, for `/readyz` (undefined while up). */
  get problem(): { message: string; since: string } | undefined {
    if (this.isUp) return undefined;
    const why = this.lastError ? `: ${this.lastError}` : '';
    return { message: `Redis (${this.where}) is unreachable${why}`, since: this.downSince };
  }

  /** Calls `listener(up)` on each transition; returns a function that stops it. */
  onChange(listener: (up: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A new connection for blocking reads, connecting in the background (its owner waits for
   * `isReady`). Closed with the link.
   */
  blockingConnection(name: string): RedisConnection {
    // No PING here: it would wait behind the blocked read. The reader's XREAD BLOCK returns at
    // least every few seconds, which keeps the socket from being idle.
    return this.connection(name, () => {}, false);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.watchdog);
    // destroy, not quit: a blocked XREAD would hold a polite QUIT for its whole timeout.
    for (const connection of this.connections) {
      if (connection.isOpen) connection.destroy();
    }
    this.connections.clear();
    this.listeners.clear();
  }

  private connection(name: string, onState: () => void, command: boolean): RedisConnection {
    const blocking = !command;
    const maxBackoffMs = this.options.maxBackoffMs ?? 2_000;
    const connection = connect({
      url: this.options.url,
      name: `draftroom-${this.instanceId}-${name}`,
      disableOfflineQueue: true,
      // Bounded even while a silent Redis is not yet found out (see ping()): past it a
      // command fails at once, and is dropped and counted like any other.
      commandsQueueMaxLength: 10_000,
      socket: {
        connectTimeout: 5_000,
        // A blocking connection always has an XREAD BLOCK (a few seconds) in flight: silent for
        // 20 s means Redis hangs or the network dropped without a word; closed and reconnected.
        // (The command connection may be idle for long: the PING watchdog watches it instead.)
        socketTimeout: blocking ? 20_000 : undefined,
        // Forever: 50 ms doubling to the cap, with jitter so instances do not reconnect in step.
        reconnectStrategy: (retries) =>
          Math.round(
            Math.min(50 * 2 ** Math.min(retries, 16), maxBackoffMs) * (0.5 + Math.random() / 2),
          ),
      },
    });
    // node-redis emits 'error' on every failed attempt; an unhandled one would end the process.
    connection.on('error', (error: unknown) => {
      this.lastError = error instanceof Error ? error.message : String(error);
      onState();
    });
    connection.on('ready', onState);
    connection.on('reconnecting', onState);
    connection.on('end', onState);
    this.connections.add(connection);
    // Resolves once connected; until then (and on every later loss) the strategy above retries.
    connection.connect().catch((error: unknown) => {
      if (!this.closed) this.options.log.error({ err: error, connection: name }, 'redis gave up');
    });
    return connection;
  }

  /**
   * A connection can stay open while Redis answers nothing (stopped, or the network dropped
   * packets without a reset): a PING unanswered for two periods marks the link down (publishes
   * drop instead of piling up, /readyz says so) until one is answered again.
   */
  private ping(): void {
    if (this.pinging || !this.command.isReady) return;
    this.pinging = true;
    const everyMs = this.options.pingEveryMs ?? 5_000;
    const overdue = setTimeout(() => {
      this.lastError = `Redis has not answered a PING for ${everyMs * 2} ms`;
      this.silent = true;
      this.changed();
    }, everyMs * 2);
    this.command
      .ping()
      .catch(() => {}) // a failed PING is a closed connection: its own events say so
      .finally(() => {
        clearTimeout(overdue);
        this.pinging = false;
        if (this.silent) {
          this.silent = false;
          this.changed();
        }
      });
  }

  private changed(): void {
    // A closing link's connections end on purpose: not an outage to log or count.
    if (this.closed) return;
    const up = this.command.isReady && !this.silent;
    if (!up && !this.isUp && this.lastError && !this.saidUnreachable) {
      // Down from the start (a wrong URL or password, Redis not started yet): said once.
      this.saidUnreachable = true;
      this.options.log.error(
        { redis: this.where, reason: this.lastError },
        'redis unreachable: retrying; live traffic between instances waits for it',
      );
    }
    if (up === this.isUp) return;
    this.isUp = up;
    this.options.metrics.up.set(up ? 1 : 0);
    if (up) {
      this.options.log.info({ redis: this.where, instanceId: this.instanceId }, 'redis up');
      this.lastError = '';
    } else {
      this.options.metrics.disconnects.inc();
      this.downSince = new Date().toISOString();
      this.options.log.error(
        { redis: this.where, reason: this.lastError },
        'redis down: live traffic between instances stops until it is back',
      );
    }
    for (const listener of [...this.listeners]) listener(up);
  }
}

/** The URL without its password (logs and `/readyz` must never show it). */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis (unparseable URL)';
  }
}
