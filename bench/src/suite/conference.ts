import { formatNumber } from '../report/table.ts';
import { runConference, type ConferenceResult } from '../scenarios/conference.ts';
import { below, row, target, type Check, type Row } from '../report/report.ts';
import {
  newNoiseLog,
  orderFor,
  sizesFor,
  withServer,
  type ScenarioOutcome,
  type ServerName,
  type SuiteOptions,
} from './common.ts';

/** Scenario 2 in the suite: runs, medians, targets and checks of the conference load. */
export async function runConferenceScenario(options: SuiteOptions): Promise<ScenarioOutcome> {
  const load = sizesFor(options.smoke).conference;
  const results: Record<ServerName, ConferenceResult[]> = { draftroom: [], baseline: [] };
  const noise = newNoiseLog();
  for (let run = 0; run < options.runs; run++) {
    for (const serverName of orderFor(run)) {
      await withServer(
        serverName,
        async (server) => {
          options.log(`  run ${run + 1} ${serverName}`);
          const result = await runConference(server, { ...load, log: options.log });
          options.log(
            `  run ${run + 1} ${serverName}: edit p99 ${formatNumber(result.editAllPeers.p99Ms)} ms, ` +
              `server CPU ${formatNumber(result.serverCpuPercent)}%, lost ${result.lostDeliveries}`,
          );
          results[serverName].push(result);
        },
        { options, noise },
      );
    }
  }
  const both = (read: (result: ConferenceResult) => number | null) =>
    [results.draftroom.map(read), results.baseline.map(read)] as const;
  const failed = (result: ConferenceResult) =>
    result.failures.connectFailures +
    result.failures.unexpectedCloses +
    result.failures.undecodableFrames +
    result.failures.misrouted +
    result.failures.duplicates +
    (result.failures.serverRejected ?? 0);
  const rows: Row[] = [
    row('edit latency send → all peers p50', 'ms', ...both((r) => r.editAllPeers.p50Ms)),
    row(
      'edit latency send → all peers p99',
      'ms',
      ...both((r) => r.editAllPeers.p99Ms),
      (draftroom, baseline) => [
        target('< 50 ms', below(draftroom, 50)),
        target('< baseline', below(draftroom, baseline)),
      ],
    ),
    row('edit latency send → each peer p50', 'ms', ...both((r) => r.editDelivery.p50Ms)),
    row('edit latency send → each peer p99', 'ms', ...both((r) => r.editDelivery.p99Ms)),
    row('awareness latency p50', 'ms', ...both((r) => r.awareness.p50Ms)),
    row('awareness latency p99', 'ms', ...both((r) => r.awareness.p99Ms)),
    row('edits measured', 'edits', ...both((r) => r.editsMeasured)),
    row('server CPU', '% of a core', ...both((r) => r.serverCpuPercent)),
    row('server peak RSS', 'MiB', ...both((r) => r.peakRssBytes / 2 ** 20), (draftroom) => [
      target('< 1024 MiB', below(draftroom, 1024)),
    ]),
    row('lost edits (edit, peer) pairs', 'pairs', ...both((r) => r.lostDeliveries), (draftroom) => [
      target('0', draftroom === null ? null : draftroom === 0),
    ]),
    row('dropped / failed messages', 'count', ...both(failed)),
    row('bench CPU (load generator)', '% of a core', ...both((r) => r.benchCpuPercent)),
    row('bench event-loop delay p99', 'ms', ...both((r) => r.benchLoopDelayP99Ms)),
    row('bench sends made late (skipped)', 'count', ...both((r) => r.failures.benchLateSends)),
    row('other jobs on the machine (window)', '% of a core', ...both((r) => r.otherCpuPercent)),
  ];
  const checks: Check[] = [];
  for (const serverName of ['draftroom', 'baseline'] as const) {
    results[serverName].forEach((result, index) => {
      checks.push({
        name: `${serverName} run ${index + 1}: every peer got every edit, server copy complete`,
        ok: result.correct,
        detail:
          `connected ${result.connected}/${result.connections}, lost pairs ${result.lostDeliveries}, ` +
          `server missing ${result.serverMissingEdits}, unexpected closes ${result.failures.unexpectedCloses}`,
      });
    });
  }
  return {
    title: '2. Conference load',
    parameters: {
      guides: load.guides,
      'clients per guide': load.clientsPerGuide,
      'edits/s per client': load.editsPerSecond,
      'awareness/s per client': load.awarenessPerSecond,
      'measured s': load.durationSeconds,
      'warm-up s': load.warmupSeconds,
    },
    rows,
    checks,
    raw: results,
  };
}
