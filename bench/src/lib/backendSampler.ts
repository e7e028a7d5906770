import { readFileSync } from 'node:fs';
import { postgresCounters, type PostgresCounters } from './postgresAdmin.ts';
import { redisCounters, type RedisCounters } from './redisInfo.ts';

/**
 * What PostgreSQL and Redis spent while a scale-out run was measured, which the server's own
 * CPU figure (its Node processes) leaves out:
 * - CPU of the PostgreSQL backends serving the bench's database (found in pg_stat_activity,
 *   read from /proc), and of PostgreSQL's background processes (WAL writer, checkpointer, …;
 *   these serve every database of the machine's PostgreSQL, other jobs' too);
 * - the database's commits and inserted rows, and the WAL written (server-wide);
 * - Redis' CPU (all its threads, from its INFO), commands, bytes in and out, peak memory.
 *
 * Pids are listed again every few seconds, so connections a pool opens late are counted too; a
 * pid first seen after the start is counted from its own start. A backend that ends between
 * two readings loses at most one period of CPU.
 */
export interface BackendUsage {
  seconds: number;
  postgresBackendCpuPercent: number;
  postgresBackgroundCpuPercent: number;
  postgresBackends: number;
  commitsPerSecond: number;
  rowsInsertedPerSecond: number;
  walBytesPerSecond: number;
  redisCpuPercent: number | null;
  redisCommandsPerSecond: number | null;
  redisInBytesPerSecond: number | null;
  redisOutBytesPerSecond: number | null;
  redisPeakRssBytes: number | null;
}

interface Tracked {
  from: number;
  last: number;
  background: boolean;
}

/** CPU seconds (user + system) of a process, or null once it is gone. */
function cpuOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

export class BackendSampler {
  private readonly tracked = new Map<number, Tracked>();
  private readonly timer: NodeJS.Timeout;
  private listing: Promise<void> | null = null;
  private ticks = 0;
  private redisPeakRss = 0;
  private mostBackends = 0;

  private constructor(
    private readonly database: string,
    private readonly redisPort: number | null,
    private readonly started: number,
    private readonly postgresBefore: PostgresCounters,
    private readonly redisBefore: RedisCounters | null,
    periodMs: number,
  ) {
    this.track(postgresBefore, true);
    this.timer = setInterval(() => this.tick(), periodMs);
    this.timer.unref();
  }

  static async start(
    database: string,
    redisPort: number | null,
    periodMs = 1_000,
  ): Promise<BackendSampler> {
    const [postgres, redis] = await Promise.all([
      postgresCounters(database),
      redisPort === null ? null : redisCounters(redisPort),
    ]);
    return new BackendSampler(database, redisPort, performance.now(), postgres, redis, periodMs);
  }

  private track(counters: PostgresCounters, atStart: boolean): void {
    this.mostBackends = Math.max(this.mostBackends, counters.backendPids.length);
    const add = (pid: number, background: boolean) => {
      if (this.tracked.has(pid)) return;
      const now = cpuOf(pid);
      if (now === null) return;
      this.tracked.set(pid, { from: atStart ? now : 0, last: now, background });
    };
    for (const pid of counters.backendPids) add(pid, false);
    for (const pid of counters.backgroundPids) add(pid, true);
  }

  private tick(): void {
    for (const [pid, entry] of this.tracked) entry.last = cpuOf(pid) ?? entry.last;
    if (++this.ticks % 3 !== 0 || this.listing) return;
    this.listing = (async () => {
      try {
        this.track(await postgresCounters(this.database), false);
        if (this.redisPort !== null) {
          const redis = await redisCounters(this.redisPort);
          this.redisPeakRss = Math.max(this.redisPeakRss, redis.rssBytes);
        }
      } catch {
        // A missed listing only delays finding a new pid; the end reading still counts.
      } finally {
        this.listing = null;
      }
    })();
  }

  async stop(): Promise<BackendUsage> {
    clearInterval(this.timer);
    const seconds = (performance.now() - this.started) / 1000;
    await this.listing;
    const [postgres, redis] = await Promise.all([
      postgresCounters(this.database),
      this.redisPort === null ? null : redisCounters(this.redisPort),
    ]);
    this.track(postgres, false);
    let backend = 0;
    let background = 0;
    for (const [pid, entry] of this.tracked) {
      const used = (cpuOf(pid) ?? entry.last) - entry.from;
      if (entry.background) background += used;
      else backend += used;
    }
    const perSecond = (after: number, before: number) => (after - before) / seconds;
    const before = this.redisBefore;
    return {
      seconds,
      postgresBackendCpuPercent: (100 * backend) / seconds,
      postgresBackgroundCpuPercent: (100 * background) / seconds,
      postgresBackends: this.mostBackends,
      commitsPerSecond: perSecond(postgres.commits, this.postgresBefore.commits),
      rowsInsertedPerSecond: perSecond(postgres.rowsInserted, this.postgresBefore.rowsInserted),
      walBytesPerSecond: perSecond(postgres.walBytes, this.postgresBefore.walBytes),
      redisCpuPercent:
        redis && before ? 100 * perSecond(redis.cpuSeconds, before.cpuSeconds) : null,
      redisCommandsPerSecond: redis && before ? perSecond(redis.commands, before.commands) : null,
      redisInBytesPerSecond:
        redis && before ? perSecond(redis.netInputBytes, before.netInputBytes) : null,
      redisOutBytesPerSecond:
        redis && before ? perSecond(redis.netOutputBytes, before.netOutputBytes) : null,
      redisPeakRssBytes: redis ? Math.max(this.redisPeakRss, redis.rssBytes) : null,
    };
  }
}
