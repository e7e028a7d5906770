import { unthrottledEnv } from '../lib/processes.ts';
import { waitForQuietMachine } from '../lib/sampler.ts';
import { formatNumber } from '../report/table.ts';
import {
  inProcessFloor,
  replayConcurrent,
  replaySequential,
  type ConcurrentResult,
  type ReplayResult,
} from '../scenarios/traceReplay.ts';
import { atLeast, medianOf, ratioOf, row, target, type Check, type Row } from '../report/report.ts';
import {
  allCorrect,
  newNoiseLog,
  noiseRow,
  orderFor,
  paperPrefix,
  sizesFor,
  withServer,
  type ScenarioOutcome,
  type ServerName,
  type SuiteOptions,
} from './common.ts';

/** Scenario 1 in the suite: runs, medians, targets and checks of the trace replay. */
export async function runReplayScenario(options: SuiteOptions): Promise<ScenarioOutcome> {
  const size = sizesFor(options.smoke).replay;
  const { trace, updates } = paperPrefix(size.updates);
  const floors: Array<ReturnType<typeof inProcessFloor>> = [];
  const sequential: Record<ServerName, ReplayResult[]> = { draftroom: [], baseline: [] };
  const concurrent: Record<ServerName, Record<string, ConcurrentResult[]>> = {
    draftroom: {},
    baseline: {},
  };
  const noise = newNoiseLog();
  for (let run = 0; run < options.runs; run++) {
    if (!options.smoke) await waitForQuietMachine(180_000, options.log);
    floors.push(inProcessFloor(trace, updates));
    for (const serverName of orderFor(run)) {
      await withServer(
        serverName,
        async (server) => {
          const result = await replaySequential(server, trace, updates);
          options.log(
            `  run ${run + 1} ${serverName}: ${formatNumber(result.updatesPerSecond)} updates/s`,
          );
          sequential[serverName].push(result);
          for (const traceName of size.concurrentTraces) {
            const byTrace = (concurrent[serverName][traceName] ??= []);
            byTrace.push(await replayConcurrent(server, traceName));
          }
        },
        { options, noise, env: unthrottledEnv },
      );
    }
  }

  const pick = (serverName: ServerName, read: (result: ReplayResult) => number) =>
    sequential[serverName].map(read);
  const throughput = row(
    'throughput (writer → server → observer)',
    'updates/s',
    pick('draftroom', (result) => result.updatesPerSecond),
    pick('baseline', (result) => result.updatesPerSecond),
  );
  const floor = medianOf(floors.map((result) => result.updatesPerSecond));
  throughput.floor = floor;
  throughput.floorRatio = ratioOf(throughput.draftroom, floor);
  throughput.targets = [
    target('≥ 1.0× baseline', atLeast(throughput.ratio, 1)),
    target('≥ 0.5× floor', atLeast(throughput.floorRatio, 0.5)),
  ];
  const rows: Row[] = [
    throughput,
    row(
      'latency writer → observer p50',
      'ms',
      pick('draftroom', (result) => result.latencyP50Ms),
      pick('baseline', (result) => result.latencyP50Ms),
    ),
    row(
      'latency writer → observer p99',
      'ms',
      pick('draftroom', (result) => result.latencyP99Ms),
      pick('baseline', (result) => result.latencyP99Ms),
    ),
    row(
      'server CPU during replay',
      '% of a core',
      pick('draftroom', (result) => result.serverCpuPercent),
      pick('baseline', (result) => result.serverCpuPercent),
    ),
  ];
  const replayNoise = noiseRow(noise);
  const checks: Check[] = [
    {
      name: 'in-process floor reaches the trace text',
      ok: allCorrect(floors),
    },
  ];
  for (const serverName of ['draftroom', 'baseline'] as const) {
    checks.push({
      name: `${serverName}: observer ends with exactly endContent`,
      ok: allCorrect(sequential[serverName]),
    });
  }
  for (const traceName of size.concurrentTraces) {
    const results = (serverName: ServerName) => concurrent[serverName][traceName] ?? [];
    const agents = results('draftroom')[0]?.agents ?? 0;
    rows.push(
      row(
        `${traceName} (${agents} concurrent clients) to converge`,
        's',
        results('draftroom').map((result) => result.seconds),
        results('baseline').map((result) => result.seconds),
      ),
    );
    for (const serverName of ['draftroom', 'baseline'] as const) {
      checks.push({
        name: `${serverName}: every ${traceName} client ends at endContent`,
        ok: results(serverName).length > 0 && results(serverName).every((r) => r.allClientsCorrect),
      });
    }
  }
  rows.push(replayNoise);
  return {
    title: '1. Trace replay',
    parameters: {
      trace: 'automerge-paper',
      updates: updates.length,
      concurrent: size.concurrentTraces,
      'writer window': 64,
      'Draftroom rate limit': 'lifted (one writer at full speed)',
    },
    rows,
    checks,
    raw: { floors, sequential, concurrent },
  };
}
