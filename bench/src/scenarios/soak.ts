import type { ServerUnderTest } from '../lib/processes.ts';
import { fetchMetrics } from '../lib/promMetrics.ts';
import { regressionSlope } from '../lib/stats.ts';
import {
  runConference,
  type ConferenceOptions,
  type ConferenceResult,
} from './conference/index.ts';

/**
 * Soak: the conference load for many minutes against Draftroom, sampled every 10 s: server RSS
 * and CPU from /proc, and from /metrics the loaded documents, open connections and Node's
 * event-loop lag (prom-client's default metrics, prefixed `draftroom_`). "No growth trend" is
 * judged by the least-squares slope of RSS over time, in MB per minute.
 */
export interface SoakSample {
  atSeconds: number;
  rssMb: number;
  /** V8 heap in use (`draftroom_nodejs_heap_size_used_bytes`): what a leak in JS would raise. */
  heapUsedMb: number;
  /** Server CPU since the previous sample, percent of one core. */
  cpuPercent: number;
  documentsLoaded: number;
  connections: number;
  eventLoopLagMs: number;
  eventLoopLagP99Ms: number;
  /** Compactions since the previous sample (`draftroom_compactions_total`). */
  compactions: number;
  editsSent: number;
  editP99Ms: number;
}

export interface SoakResult {
  minutes: number;
  samples: SoakSample[];
  /** Slope of RSS over the whole run and over its second half (the first includes warm-up). */
  rssSlopeMbPerMin: number;
  rssSlopeSecondHalfMbPerMin: number;
  /**
   * Slope of the RSS floor: the lowest sample of each minute, first minute left out. RSS saws up
   * and down by tens of MB between collections, which swamps a slope through every sample; the
   * floor is what is still held after the collector ran, so it is what a leak would raise.
   */
  rssFloorSlopeMbPerMin: number;
  /** The same for the V8 heap in use. */
  heapFloorSlopeMbPerMin: number;
  eventLoopLagSlopeMsPerMin: number;
  conference: ConferenceResult;
}

export async function runSoak(
  server: ServerUnderTest,
  minutes: number,
  load: Omit<ConferenceOptions, 'durationSeconds' | 'sampleEverySeconds' | 'onSample'>,
  sampleEverySeconds = 10,
): Promise<SoakResult> {
  const samples: SoakSample[] = [];
  let lastCpu = server.cpuSeconds();
  let lastAt = performance.now();
  let lastCompactions = Number.NaN;
  const conference = await runConference(server, {
    ...load,
    durationSeconds: minutes * 60,
    sampleEverySeconds,
    onSample: async (interval) => {
      const now = performance.now();
      const cpu = server.cpuSeconds();
      const cpuPercent = (100 * (cpu - lastCpu)) / ((now - lastAt) / 1000);
      lastCpu = cpu;
      lastAt = now;
      const rssMb = server.rssBytes() / 2 ** 20;
      let metrics: Awaited<ReturnType<typeof fetchMetrics>> | null = null;
      try {
        metrics = await fetchMetrics(server.url);
      } catch {
        // A missed scrape is recorded as NaN, not a failed soak.
      }
      const read = (name: string) => metrics?.value(name) ?? Number.NaN;
      const compactionsTotal = read('draftroom_compactions_total');
      const compactions = Number.isNaN(lastCompactions)
        ? compactionsTotal
        : compactionsTotal - lastCompactions;
      lastCompactions = compactionsTotal;
      const sample: SoakSample = {
        atSeconds: interval.atSeconds,
        rssMb,
        heapUsedMb: read('draftroom_nodejs_heap_size_used_bytes') / 2 ** 20,
        cpuPercent,
        documentsLoaded: read('draftroom_documents_loaded'),
        connections: read('draftroom_ws_connections'),
        eventLoopLagMs: read('draftroom_nodejs_eventloop_lag_seconds') * 1000,
        eventLoopLagP99Ms: read('draftroom_nodejs_eventloop_lag_p99_seconds') * 1000,
        compactions,
        editsSent: interval.editsSent,
        editP99Ms: interval.editLatency.p99Ms,
      };
      samples.push(sample);
      load.log?.(
        `  ${sample.atSeconds.toFixed(0)} s: RSS ${rssMb.toFixed(0)} MB, ` +
          `heap ${sample.heapUsedMb.toFixed(0)} MB, CPU ${cpuPercent.toFixed(0)}%, ` +
          `lag ${sample.eventLoopLagMs.toFixed(1)} ms, edit p99 ${sample.editP99Ms.toFixed(1)} ms`,
      );
    },
  });
  const minutesAt = samples.map((sample) => sample.atSeconds / 60);
  const secondHalf = samples.slice(Math.floor(samples.length / 2));
  return {
    minutes,
    samples,
    rssSlopeMbPerMin: regressionSlope(
      minutesAt,
      samples.map((sample) => sample.rssMb),
    ),
    rssSlopeSecondHalfMbPerMin: regressionSlope(
      secondHalf.map((sample) => sample.atSeconds / 60),
      secondHalf.map((sample) => sample.rssMb),
    ),
    rssFloorSlopeMbPerMin: floorSlope(samples, sampleEverySeconds, (sample) => sample.rssMb),
    heapFloorSlopeMbPerMin: floorSlope(samples, sampleEverySeconds, (sample) => sample.heapUsedMb),
    eventLoopLagSlopeMsPerMin: regressionSlope(
      minutesAt,
      samples.map((sample) => sample.eventLoopLagMs),
    ),
    conference,
  };
}

/** Least-squares slope of each minute's lowest sample of `read` (the first minute is warm-up). */
export function floorSlope(
  samples: SoakSample[],
  sampleEverySeconds: number,
  read: (sample: SoakSample) => number,
): number {
  const perWindow = Math.max(2, Math.round(60 / sampleEverySeconds));
  const minutes: number[] = [];
  const floors: number[] = [];
  for (let start = perWindow; start + perWindow <= samples.length; start += perWindow) {
    const window = samples.slice(start, start + perWindow).filter((s) => Number.isFinite(read(s)));
    if (window.length === 0) continue;
    const lowest = window.reduce((low, sample) => (read(sample) < read(low) ? sample : low));
    minutes.push(lowest.atSeconds / 60);
    floors.push(read(lowest));
  }
  return regressionSlope(minutes, floors);
}
