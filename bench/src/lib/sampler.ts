import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ServerUnderTest } from './processes.ts';

/** CPU seconds the whole machine has been busy (all cores, from /proc/stat). */
export function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  // cpu user nice system idle iowait irq softirq steal …: busy = all but idle and iowait.
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const busy = ticks.reduce(
    (sum, value, index) => (index === 3 || index === 4 ? sum : sum + value),
    0,
  );
  return busy / 100;
}

interface Snapshot {
  at: number;
  serverCpu: number;
  benchCpu: NodeJS.CpuUsage;
  machine: number;
}

/**
 * Watches a server process from outside while a scenario runs: peak resident memory (sampled
 * every `periodMs` from /proc) and CPU used between `markStart()` and `stop()`. It also watches
 * the bench process itself, because on a 2-core machine the load generator competes with the
 * server for CPU, and a late bench event loop shows up as latency.
 */
export class ProcessSampler {
  peakRssBytes = 0;
  private readonly timer: NodeJS.Timeout;
  private static readonly loopResolutionMs = 10;
  private readonly loopDelay = monitorEventLoopDelay({
    resolution: ProcessSampler.loopResolutionMs,
  });
  private windowStart: Snapshot;
  private windowEnd: Snapshot | null = null;

  constructor(
    private readonly server: ServerUnderTest,
    periodMs = 1_000,
  ) {
    this.windowStart = this.now();
    this.loopDelay.enable();
    this.sample();
    this.timer = setInterval(() => this.sample(), periodMs);
    this.timer.unref();
  }

  /** Starts the measured window (CPU and bench loop delay count from here). */
  markStart(): void {
    this.windowStart = this.now();
    this.loopDelay.reset();
    this.loopDelay.enable();
  }

  /** Ends the measured window. */
  markEnd(): void {
    this.windowEnd = this.now();
    this.loopDelay.disable();
  }

  sample(): number {
    const rss = this.safe(() => this.server.rssBytes());
    if (rss > this.peakRssBytes) this.peakRssBytes = rss;
    return rss;
  }

  /** Figures for the measured window; call after markEnd(). */
  result() {
    const end = this.windowEnd ?? this.now();
    const seconds = (end.at - this.windowStart.at) / 1000;
    const cpuOf = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;
    const benchCpuSeconds = cpuOf(end.benchCpu) - cpuOf(this.windowStart.benchCpu);
    const serverCpuSeconds = end.serverCpu - this.windowStart.serverCpu;
    const machineSeconds = end.machine - this.windowStart.machine;
    return {
      seconds,
      serverCpuSeconds: end.serverCpu - this.windowStart.serverCpu,
      /** Percent of one core, averaged over the window. */
      serverCpuPercent: (100 * (end.serverCpu - this.windowStart.serverCpu)) / seconds,
      benchCpuPercent: (100 * benchCpuSeconds) / seconds,
      /** Everything else on the machine (other jobs, the kernel): a busy neighbour skews figures. */
      otherCpuPercent: Math.max(
        0,
        (100 * (machineSeconds - serverCpuSeconds - benchCpuSeconds)) / seconds,
      ),
      // The histogram holds whole timer periods (resolution + lateness); only the lateness counts.
      benchLoopDelayP99Ms: Math.max(
        0,
        this.loopDelay.percentile(99) / 1e6 - ProcessSampler.loopResolutionMs,
      ),
      peakRssBytes: this.peakRssBytes,
    };
  }

  private now(): Snapshot {
    return {
      at: performance.now(),
      serverCpu: this.safe(() => this.server.cpuSeconds()),
      benchCpu: process.cpuUsage(),
      machine: this.safe(machineBusySeconds),
    };
  }

  stop(): void {
    clearInterval(this.timer);
    this.loopDelay.disable();
  }

  /** The process may be gone (a crash is reported by the scenario, not by a throw here). */
  private safe(read: () => number): number {
    try {
      return read();
    } catch {
      return 0;
    }
  }
}

/** CPU used by the machine, the bench process and (optionally) one server since `since`. */
export interface CpuSnapshot {
  at: number;
  machine: number;
  bench: number;
  server: number;
}

export function cpuSnapshot(server?: ServerUnderTest): CpuSnapshot {
  const usage = process.cpuUsage();
  let serverSeconds = 0;
  try {
    serverSeconds = server?.cpuSeconds() ?? 0;
  } catch {
    // The server has exited; its share is then counted as "other".
  }
  return {
    at: performance.now(),
    machine: machineBusySeconds(),
    bench: (usage.user + usage.system) / 1e6,
    server: serverSeconds,
  };
}

/** Percent of a core used by everything but the bench and the server between two snapshots. */
export function otherCpuPercent(before: CpuSnapshot, after: CpuSnapshot): number {
  const seconds = (after.at - before.at) / 1000;
  if (seconds <= 0) return 0;
  const other =
    after.machine - before.machine - (after.bench - before.bench) - (after.server - before.server);
  return Math.max(0, (100 * other) / seconds);
}

/**
 * Waits (at most `maxWaitMs`) until the rest of the machine has used less than
 * `thresholdPercent` of a core for two seconds, so a measurement does not start while another
 * job is running. Returns the last reading; the caller records it either way.
 */
export async function waitForQuietMachine(
  maxWaitMs: number,
  log: (message: string) => void,
  thresholdPercent = 25,
): Promise<number> {
  const deadline = performance.now() + maxWaitMs;
  let reported = false;
  for (let attempt = 0; attempt < 1000; attempt++) {
    const before = cpuSnapshot();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const other = otherCpuPercent(before, cpuSnapshot());
    if (other < thresholdPercent || performance.now() >= deadline) {
      if (reported)
        log(
          `  machine ${other < thresholdPercent ? 'quiet' : 'still busy'} (${other.toFixed(0)}% of a core)`,
        );
      return other;
    }
    if (!reported) {
      log(`  waiting for a quiet machine: other jobs use ${other.toFixed(0)}% of a core`);
      reported = true;
    }
  }
  return Number.NaN;
}
