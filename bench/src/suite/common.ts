import * as Y from 'yjs';
import {
  startBaseline,
  startDraftroom,
  startHocuspocus,
  type ServerName,
  type ServerUnderTest,
} from '../lib/processes.ts';
import { cpuSnapshot, otherCpuPercent, waitForQuietMachine } from '../lib/sampler.ts';
import { loadTrace, sequentialUpdates, type Trace } from '../lib/traces.ts';
import { row, type Row, type ScenarioReport, type ServerValues } from '../report/report.ts';
import type { ConferenceOptions } from '../scenarios/conference/index.ts';
import { readGuideText } from '@draftroom/server/testing';

// What every scenario's suite runner shares: sizes, server start-up, noise, trace updates.

export interface SuiteOptions {
  smoke: boolean;
  runs: number;
  soakMinutes: number;
  log: (message: string) => void;
}

/** Sizes of every scenario: the full size, and a smoke size that runs in seconds. */
export function sizesFor(smoke: boolean) {
  return smoke
    ? {
        replay: { updates: 3_000, concurrentTraces: ['friendsforever'] },
        conference: conferenceLoad({
          guides: 3,
          clientsPerGuide: 4,
          warmupSeconds: 1,
          // Seconds, not more: each scenario runs it on two or three servers, in CI.
          durationSeconds: 2,
          drainSeconds: 5,
        }),
        coldLoad: { updates: 5_000, samples: 2, warmupUpdates: 1_000 },
        joinStorm: { clients: 20, guideBytes: 100 * 1024, updates: 5_000 },
        exports: { guides: 4, wordsPerGuide: 300 },
        search: { guides: 5, wordsPerGuide: 300, queries: 20 },
      }
    : {
        replay: { updates: undefined, concurrentTraces: ['friendsforever', 'clownschool'] },
        conference: conferenceLoad({
          guides: 50,
          clientsPerGuide: 20,
          warmupSeconds: 5,
          durationSeconds: 60,
          drainSeconds: 15,
        }),
        coldLoad: { updates: undefined, samples: 5, warmupUpdates: 20_000 },
        joinStorm: { clients: 200, guideBytes: 100 * 1024, updates: undefined },
        exports: { guides: 50, wordsPerGuide: 3_000 },
        search: { guides: 200, wordsPerGuide: 3_000, queries: 200 },
      };
}

function conferenceLoad(
  size: Pick<
    ConferenceOptions,
    'guides' | 'clientsPerGuide' | 'warmupSeconds' | 'durationSeconds' | 'drainSeconds'
  >,
): Omit<ConferenceOptions, 'log'> {
  return { ...size, editsPerSecond: 2, awarenessPerSecond: 1, rampBatch: 50 };
}

export type { ServerName };
const starters: Record<ServerName, (env: Record<string, string>) => Promise<ServerUnderTest>> = {
  draftroom: (env) => startDraftroom(env),
  baseline: () => startBaseline(),
  hocuspocus: () => startHocuspocus(),
};

/**
 * Rotates which server goes first, so none always runs on a warmer machine. `servers` is the
 * scenario's set (Hocuspocus joins where it applies).
 */
export const orderFor = (
  run: number,
  servers: readonly ServerName[] = ['draftroom', 'baseline'],
): ServerName[] => servers.map((_, index) => servers[(index + run) % servers.length] as ServerName);

/** Stated beside every table that compares the servers: they do not promise the same thing. */
export const durabilityNote =
  'Durability: Draftroom stores every edit before any peer can see it (a kill -9 loses nothing a ' +
  'peer saw). The baseline keeps nothing. Hocuspocus stores a document 2 s after its last change ' +
  '(at least every 10 s while changes continue), as its whole state: edits its peers already saw ' +
  'are lost if the process dies within that window.';

/** Every server a comparison scenario runs: Draftroom, the baseline relay and Hocuspocus. */
export const allServers: readonly ServerName[] = ['draftroom', 'baseline', 'hocuspocus'];

/** One line of a comparison table: its name, unit, how to read it off a run, and its targets. */
export type Metric<T> = [
  metric: string,
  unit: string,
  read: (result: T) => number | null,
  targets?: Parameters<typeof row>[3],
];

/** The rows of a comparison table, one per metric, from every server's runs. */
export function rowsOf<T>(results: Partial<Record<ServerName, T[]>>, metrics: Metric<T>[]): Row[] {
  return metrics.map(([metric, unit, read, targets]) =>
    row(metric, unit, perServer(results, read), targets),
  );
}

/** Each server's per-run values of one metric, for `row`. */
export function perServer<T>(
  results: Partial<Record<ServerName, T[]>>,
  read: (result: T) => number | null,
): ServerValues {
  return {
    draftroom: (results.draftroom ?? []).map(read),
    baseline: results.baseline ? results.baseline.map(read) : null,
    ...(results.hocuspocus ? { hocuspocus: results.hocuspocus.map(read) } : {}),
  };
}

/**
 * Runs `use` against a fresh server process. At full size it first waits (bounded) for other
 * jobs on the machine to finish, and it records how much CPU the rest of the machine used
 * during the run (`noise`), since on two cores any neighbour shows up in every figure.
 */
export async function withServer<T>(
  name: ServerName,
  use: (server: ServerUnderTest) => Promise<T>,
  context: { options: SuiteOptions; noise: NoiseLog; env?: Record<string, string> },
): Promise<T> {
  if (!context.options.smoke) await waitForQuietMachine(180_000, context.options.log);
  const server = await starters[name](context.env ?? {});
  const before = cpuSnapshot(server);
  try {
    return await use(server);
  } finally {
    context.noise[name].push(otherCpuPercent(before, cpuSnapshot(server)));
    await server.stop();
  }
}

/**
 * Runs `measure` once per run on a fresh process of each server in `servers` (the order
 * rotating from run to run), and collects each server's results in run order.
 */
export async function runOnServers<T>(
  servers: readonly ServerName[],
  measure: (server: ServerUnderTest, run: number) => Promise<T>,
  context: { options: SuiteOptions; noise: NoiseLog; env?: Record<string, string> },
): Promise<Partial<Record<ServerName, T[]>> & { draftroom: T[] }> {
  const results: Partial<Record<ServerName, T[]>> & { draftroom: T[] } = { draftroom: [] };
  for (const name of servers) results[name] = [];
  for (let run = 0; run < context.options.runs; run++) {
    for (const name of orderFor(run, servers)) {
      const result = await withServer(name, (server) => measure(server, run), context);
      results[name]?.push(result);
    }
  }
  return results;
}

export type NoiseLog = Record<ServerName, number[]>;
export const newNoiseLog = (): NoiseLog => ({ draftroom: [], baseline: [], hocuspocus: [] });
export const noiseRow = (noise: NoiseLog, withHocuspocus = false): Row => ({
  ...row('other jobs on the machine during runs', '% of a core', {
    draftroom: noise.draftroom,
    baseline: noise.baseline,
    ...(withHocuspocus ? { hocuspocus: noise.hocuspocus } : {}),
  }),
  ratio: null,
  ...(withHocuspocus ? { hocuspocusRatio: null } : {}),
});

/** The automerge-paper updates, generated once per process and shared by every scenario. */
const paperCache = new Map<number, Uint8Array[]>();
export function paperPrefix(limit: number | undefined): { trace: Trace; updates: Uint8Array[] } {
  const trace = loadTrace('automerge-paper');
  const wanted = limit ?? trace.txns.length;
  let all = [...paperCache.entries()].find(([size]) => size >= wanted)?.[1];
  if (!all) {
    all = sequentialUpdates(trace, wanted);
    paperCache.set(wanted, all);
  }
  const updates = all.slice(0, wanted);
  if (limit === undefined) return { trace, updates };
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return { trace: { ...trace, endContent: readGuideText(doc) }, updates };
}

export type ScenarioOutcome = Pick<
  ScenarioReport,
  'title' | 'parameters' | 'rows' | 'checks' | 'raw' | 'columns'
> & {
  notes?: string[];
};

export const allCorrect = (values: Array<{ correct: boolean }>) =>
  values.every((value) => value.correct);
