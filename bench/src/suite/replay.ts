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
  allServers,
  durabilityNote,
  newNoiseLog,
  noiseRow,
  orderFor,
  paperPrefix,
  perServer,
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
  const sequential: Record<ServerName, ReplayResult[]> = {
    draftroom: [],
    baseline: [],
    hocuspocus: [],
  };
  const concurrent: Record<ServerName, Record<string, ConcurrentResult[]>> = {
    draftroom: {},
    baseline: {},
    hocuspocus: {},
  };
  const noise = newNoiseLog();
  for (let run = 0; run < options.runs; run++) {
    if (!options.smoke) await waitForQuietMachine(180_000, options.log);
    floors.push(inProcessFloor(trace, updates));
    for (const serverName of orderFor(run, allServers)) {
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

  const each = (read: (result: ReplayResult) => number) => perServer(sequential, read);
  const throughput = row(
    'throughput (writer → server → observer)',
    'updates/s',
    each((result) => result.updatesPerSecond),
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
      each((result) => result.latencyP50Ms),
    ),
    row(
      'latency writer → observer p99',
      'ms',
      each((result) => result.latencyP99Ms),
    ),
    row(
      'server CPU during replay',
      '% of a core',
      each((result) => result.serverCpuPercent),
    ),
  ];
  const replayNoise = noiseRow(noise, true);
  const checks: Check[] = [
    {
      name: 'in-process floor reaches the trace text',
      ok: allCorrect(floors),
    },
  ];
  for (const serverName of allServers) {
    checks.push({
      name: `${serverName}: observer ends with exactly endContent`,
      ok: allCorrect(sequential[serverName]),
    });
  }
  for (const traceName of size.concurrentTraces) {
    const results = (serverName: ServerName) => concurrent[serverName][traceName] ?? [];
    const agents = results('draftroom')[0]?.agents ?? 0;
    const seconds = (serverName: ServerName) => results(serverName).map((result) => result.seconds);
    rows.push(
      row(`${traceName} (${agents} concurrent clients) to converge`, 's', {
        draftroom: seconds('draftroom'),
        baseline: seconds('baseline'),
        hocuspocus: seconds('hocuspocus'),
      }),
    );
    for (const serverName of allServers) {
      checks.push({
        name: `${serverName}: every ${traceName} client ends at endContent`,
        ok: results(serverName).length > 0 && results(serverName).every((r) => r.allClientsCorrect),
      });
    }
  }
  rows.push(replayNoise);
  return {
    title: '1. Trace replay',
    notes: [durabilityNote],
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
