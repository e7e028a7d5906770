import { once } from 'node:events';
import { RESP_TYPES } from 'redis';
import type { Logger } from '../lib/logger.ts';
import type { RedisConnection, RedisLink } from './redisLink.ts';
import {
  compareIds,
  parseEntries,
  parseXRead,
  streamStart,
  type StreamBatch,
  type StreamEntry,
} from './streamIds.ts';

/** Who reads a stream: its entries in order, and word when some may have been missed. */
export interface StreamFollower {
  /** Entries after the last one read (every instance's: skipping one's own is the follower's). */
  entries(entries: readonly StreamEntry[]): void;
  /**
   * Entries may have been missed (Redis restarted and lost its streams, the stream was trimmed
   * past what was read, or it could not be read while Redis was down). Reading goes on from the
   * stream's end as it was just before this call: catch up another way (reload, re-decide).
   */
  gap(): void;
  /** Entries that were not entries at all (dropped; the follower counts them). */
  unreadable(count: number): void;
}

interface Followed {
  key: string;
  lastId: string;
  /**
   * fixing: its last id is being looked up (follow() has not resolved); pending: it must be
   * looked up again and its followers told of a gap; reading: in every XREAD.
   */
  state: 'fixing' | 'pending' | 'reading';
  fixed: Promise<void>;
  followers: Set<StreamFollower>;
}

const binary = { typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer } } as const;

export interface StreamReaderOptions {
  log: Logger;
  /** Longest a blocked XREAD waits (milliseconds); a new stream wakes it sooner. */
  blockMs?: number;
  /** Entries read per stream per XREAD; at most the streams' MAXLEN (see the trim check). */
  count?: number;
  /** Key prefix of this reader's wake stream. */
  prefix: string;
}

/**
 * One loop of `XREAD BLOCK` over every followed stream, on a dedicated connection, remembering
 * the last id read per stream. A stream followed while the loop is blocked wakes it (an entry
 * on this reader's own wake stream), so the new stream is read from the next XREAD.
 *
 * After the connection comes back, reading continues from the last ids: Redis kept what was
 * published meanwhile (replay). Unless Redis itself restarted (its `run_id` changed; this
 * deployment's Redis keeps nothing on disk, so its streams are gone), or a stream was trimmed
 * past the last id read: then that stream's followers get `gap()`. Never throws out of the loop.
 */
export class StreamReader {
  private readonly streams = new Map<string, Followed>();
  private readonly connection: RedisConnection;
  private readonly blockMs: number;
  private readonly count: number;
  private readonly wakeKey: string;
  private wakeLastId = streamStart;
  private readyCount = 0;
  private readyHandled = 0;
  private runId: string | undefined;
  /** Bumped when Redis is found restarted: a last id looked up before that is worthless. */
  private generation = 0;
  private loop: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly link: RedisLink,
    private readonly options: StreamReaderOptions,
  ) {
    this.blockMs = options.blockMs ?? 5_000;
    this.count = options.count ?? 500;
    this.wakeKey = `${options.prefix}wake:${link.instanceId}`;
    this.connection = link.blockingConnection('reader');
    this.connection.on('ready', () => (this.readyCount += 1));
  }

  start(): void {
    this.loop ??= this.run();
  }

  /**
   * Follows a stream from its current end: resolves once its last id is fixed, so every entry
   * added after that is delivered. While Redis is down it resolves at once, and once Redis is
   * back the follower gets `gap()` (it cannot know what came between).
   */
  async follow(key: string, follower: StreamFollower): Promise<() => void> {
    let stream = this.streams.get(key);
    if (!stream) {
      const created: Followed = {
        key,
        lastId: streamStart,
        state: 'fixing',
        fixed: Promise.resolve(),
        followers: new Set(),
      };
      created.fixed = this.fix(created, this.link.command);
      this.streams.set(key, (stream = created));
    }
    stream.followers.add(follower);
    await stream.fixed;
    const followed = stream;
    return () => {
      followed.followers.delete(follower);
      if (followed.followers.size === 0 && this.streams.get(key) === followed) {
        this.streams.delete(key);
      }
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake();
    this.link.command.del(this.wakeKey).catch(() => {});
    // The link's close ends a blocked XREAD (it destroys the connection); the loop then stops.
  }

  /** Waits for the loop to end (after close() and the link's close). */
  async stopped(): Promise<void> {
    await this.loop;
  }

  private async fix(stream: Followed, connection: RedisConnection): Promise<void> {
    const generation = this.generation;
    try {
      const lastId = await this.lastIdOf(connection, stream.key);
      if (this.generation !== generation) throw new Error('Redis restarted meanwhile');
      stream.lastId = lastId;
      stream.state = 'reading';
    } catch {
      // Unreachable now: the loop looks again once Redis is back, and reports a gap.
      stream.state = 'pending';
    }
    this.wake();
  }

  private async lastIdOf(connection: RedisConnection, key: string): Promise<string> {
    const reply = await connection.sendCommand(['XREVRANGE', key, '+', '-', 'COUNT', '1'], binary);
    return parseEntries(key, Array.isArray(reply) ? reply : []).lastId ?? streamStart;
  }

  private wake(): void {
    if (!this.link.up) return;
    this.link.command
      .sendCommand(['XADD', this.wakeKey, 'MAXLEN', '~', '10', '*', 'w', '1'])
      .then(() => this.link.command.pExpire(this.wakeKey, 3_600_000))
      .catch(() => {});
  }

  private async run(): Promise<void> {
    while (!this.closed) {
      try {
        if (!this.connection.isReady) {
          await this.readyOrTimeout();
          continue;
        }
        if (this.readyHandled !== this.readyCount) {
          this.readyHandled = this.readyCount;
          await this.afterReconnect();
        }
        await this.fixPending();
        await this.readOnce();
      } catch (error) {
        if (this.closed) break;
        if (this.connection.isReady) {
          this.options.log.warn({ err: error }, 'redis stream read failed; retrying');
          await this.checkKeyTypes();
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    }
  }

  private async readyOrTimeout(): Promise<void> {
    const timeout = AbortSignal.timeout(1_000);
    await once(this.connection, 'ready', { signal: timeout }).catch(() => {});
  }

  /** Back after a disconnect: was it the same Redis (replay) or a new one (everything lost)? */
  private async afterReconnect(): Promise<void> {
    const info = String(await this.connection.sendCommand(['INFO', 'server']));
    const runId = /run_id:(\w+)/.exec(info)?.[1];
    const previous = this.runId;
    this.runId = runId;
    if (previous === undefined) return;
    if (runId !== previous) {
      this.generation += 1;
      this.wakeLastId = streamStart;
      for (const stream of this.streams.values()) stream.state = 'pending';
      this.options.log.warn('redis restarted: its streams are gone; every follower resyncs');
      return;
    }
    // The same Redis: it kept what was published meanwhile, unless it trimmed some of it.
    for (const stream of this.streams.values()) {
      if (stream.state === 'reading' && (await this.trimmedPast(stream))) stream.state = 'pending';
    }
  }

  /** Streams that must be looked up again: fixed at their current end, then a gap reported. */
  private async fixPending(): Promise<void> {
    for (const stream of [...this.streams.values()]) {
      if (stream.state !== 'pending') continue;
      stream.lastId = await this.lastIdOf(this.connection, stream.key);
      stream.state = 'reading';
      for (const follower of [...stream.followers]) this.tell(() => follower.gap());
    }
  }

  private async readOnce(): Promise<void> {
    const reading = [...this.streams.values()].filter((stream) => stream.state === 'reading');
    const keys = [this.wakeKey, ...reading.map((stream) => stream.key)];
    const ids = [this.wakeLastId, ...reading.map((stream) => stream.lastId)];
    const reply = await this.connection.sendCommand(
      [
        'XREAD',
        'COUNT',
        String(this.count),
        'BLOCK',
        String(this.blockMs),
        'STREAMS',
        ...keys,
        ...ids,
      ],
      binary,
    );
    for (const batch of parseXRead(reply)) {
      if (batch.key === this.wakeKey) {
        if (batch.lastId) this.wakeLastId = batch.lastId;
        continue;
      }
      await this.deliver(batch);
    }
  }

  private async deliver(batch: StreamBatch): Promise<void> {
    const stream = this.streams.get(batch.key);
    if (!stream || stream.state !== 'reading' || !batch.lastId) return;
    const previous = stream.lastId;
    if (compareIds(batch.lastId, previous) <= 0) return;
    stream.lastId = batch.lastId;
    const entries = batch.entries.filter((entry) => compareIds(entry.id, previous) > 0);
    const followers = [...stream.followers];
    if (batch.unreadable > 0) {
      for (const follower of followers) this.tell(() => follower.unreadable(batch.unreadable));
    }
    if (entries.length > 0) {
      for (const follower of followers) this.tell(() => follower.entries(entries));
    }
    // A full batch means this reader is behind: entries past `previous` may have been trimmed
    // before it got to them. (A shorter batch cannot have lost any to our own `MAXLEN ~`: the
    // stream keeps at least MAXLEN ≥ count entries, and all of those after `previous` came
    // back. A writer trimming harder than that is caught only at the next full batch or
    // reconnect.)
    if (entries.length + batch.unreadable >= this.count) {
      const probe = { ...stream, lastId: previous };
      if (await this.trimmedPast(probe)) stream.state = 'pending';
    }
  }

  /**
   * Whether entries after the stream's last id read may have been trimmed before being read.
   * Trimming removes the oldest entries first, so while the last entry read is still there,
   * nothing after it is gone. (Redis 7's `max-deleted-entry-id` counts XDEL, not trimming.)
   * Gone, it may have taken unread entries with it: a gap, possibly one too many (safe).
   */
  private async trimmedPast(stream: Followed): Promise<boolean> {
    if (compareIds(stream.lastId, streamStart) === 0) return this.lostAny(stream.key);
    const reply = await this.connection.sendCommand(
      ['XRANGE', stream.key, stream.lastId, stream.lastId, 'COUNT', '1'],
      binary,
    );
    return !Array.isArray(reply) || reply.length === 0;
  }

  /** Nothing read yet: lost anything if the stream ever held more than it holds now. */
  private async lostAny(key: string): Promise<boolean> {
    let reply: unknown;
    try {
      reply = await this.connection.sendCommand(['XINFO', 'STREAM', key]);
    } catch {
      return false; // no such stream: nothing was ever there to lose
    }
    const info = Array.isArray(reply) ? reply : [];
    const field = (name: string) => {
      const index = info.findIndex((item, at) => at % 2 === 0 && String(item) === name);
      return index === -1 ? undefined : Number(info[index + 1]);
    };
    const added = field('entries-added');
    const length = field('length');
    // A Redis before 7 does not say how many were added: assume the worst.
    return added === undefined || length === undefined || added > length;
  }

  /**
   * A key another program made that is not a stream makes every XREAD fail (WRONGTYPE): it is
   * set aside, its followers told, so the other streams keep flowing.
   */
  private async checkKeyTypes(): Promise<void> {
    for (const stream of [...this.streams.values()]) {
      const type = String(await this.connection.type(stream.key).catch(() => 'none'));
      if (type === 'none' || type === 'stream') continue;
      this.options.log.error({ key: stream.key, type }, 'a followed key is not a stream: dropped');
      this.streams.delete(stream.key);
      for (const follower of [...stream.followers]) {
        this.tell(() => follower.unreadable(1));
        this.tell(() => follower.gap());
      }
    }
  }

  private tell(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.options.log.error({ err: error }, 'a stream follower failed');
    }
  }
}
