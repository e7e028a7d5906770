import * as Y from 'yjs';
import { startBaseline, startDraftroom, type ServerUnderTest } from '../lib/processes.ts';
import { cpuSnapshot, otherCpuPercent, waitForQuietMachine } from '../lib/sampler.ts';
import { loadTrace, sequentialUpdates, type Trace } from '../lib/traces.ts';
import { row, type Row, type ScenarioReport } from '../report/report.ts';
import type { ConferenceOptions } from '../scenarios/conference.ts';
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
          durationSeconds: 5,
          drainSeconds: 5,
        }),
        coldLoad: { updates: 5_000, samples: 2, warmupUpdates: 1_000 },
        joinStorm: { clients: 20, guideBytes: 100 * 1024, updates: 5_000 },
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

export type ServerName = 'draftroom' | 'baseline';
const starters: Record<ServerName, (env: Record<string, string>) => Promise<ServerUnderTest>> = {
  draftroom: (env) => startDraftroom(env),
  baseline: () => startBaseline(),
};

/** Alternate which server goes first, so neither always runs on a warmer machine. */
export const orderFor = (run: number): ServerName[] =>
  run % 2 === 0 ? ['draftroom', 'baseline'] : ['baseline', 'draftroom'];

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

export type NoiseLog = Record<ServerName, number[]>;
export const newNoiseLog = (): NoiseLog => ({ draftroom: [], baseline: [] });
export const noiseRow = (noise: NoiseLog): Row => ({
  ...row('other jobs on the machine during runs', '% of a core', noise.draftroom, noise.baseline),
  ratio: null,
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
  'title' | 'parameters' | 'rows' | 'checks' | 'raw'
> & {
  notes?: string[];
};

export const allCorrect = (values: Array<{ correct: boolean }>) =>
  values.every((value) => value.correct);
