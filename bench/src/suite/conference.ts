import { formatNumber } from '../report/table.ts';
import { runConference, type ConferenceResult } from '../scenarios/conference/index.ts';
import { below, target, type Check, type Row } from '../report/report.ts';
import {
  allServers,
  durabilityNote,
  newNoiseLog,
  sizesFor,
  rowsOf,
  runOnServers,
  type ScenarioOutcome,
  type SuiteOptions,
} from './common.ts';

/** Scenario 2 in the suite: runs, medians, targets and checks of the conference load. */
export async function runConferenceScenario(options: SuiteOptions): Promise<ScenarioOutcome> {
  const load = sizesFor(options.smoke).conference;
  const noise = newNoiseLog();
  const results = await runOnServers(
    allServers,
    async (server, run) => {
      const serverName = server.name;
      options.log(`  run ${run + 1} ${serverName}`);
      const result = await runConference(server, { ...load, log: options.log });
      options.log(
        `  run ${run + 1} ${serverName}: edit p99 ${formatNumber(result.editAllPeers.p99Ms)} ms, ` +
          `server CPU ${formatNumber(result.serverCpuPercent)}%, lost ${result.lostDeliveries}`,
      );
      return result;
    },
    { options, noise },
  );
  const failed = (result: ConferenceResult) =>
    result.failures.connectFailures +
    result.failures.unexpectedCloses +
    result.failures.undecodableFrames +
    result.failures.misrouted +
    result.failures.duplicates +
    (result.failures.serverRejected ?? 0);
  const rows: Row[] = rowsOf(results, [
    ['edit latency send → all peers p50', 'ms', (r) => r.editAllPeers.p50Ms],
    [
      'edit latency send → all peers p99',
      'ms',
      (r) => r.editAllPeers.p99Ms,
      (draftroom, baseline) => [
        target('< 50 ms', below(draftroom, 50)),
        target('< baseline', below(draftroom, baseline)),
      ],
    ],
    ['edit latency send → each peer p50', 'ms', (r) => r.editDelivery.p50Ms],
    ['edit latency send → each peer p99', 'ms', (r) => r.editDelivery.p99Ms],
    ['awareness latency p50', 'ms', (r) => r.awareness.p50Ms],
    ['awareness latency p99', 'ms', (r) => r.awareness.p99Ms],
    ['edits measured', 'edits', (r) => r.editsMeasured],
    ['server CPU', '% of a core', (r) => r.serverCpuPercent],
    [
      'server peak RSS',
      'MiB',
      (r) => r.peakRssBytes / 2 ** 20,
      (draftroom) => [target('< 1024 MiB', below(draftroom, 1024))],
    ],
    [
      'lost edits (edit, peer) pairs',
      'pairs',
      (r) => r.lostDeliveries,
      (draftroom) => [target('0', draftroom === null ? null : draftroom === 0)],
    ],
    ['dropped / failed messages', 'count', failed],
    ['bench CPU (load generator)', '% of a core', (r) => r.benchCpuPercent],
    ['bench event-loop delay p99', 'ms', (r) => r.benchLoopDelayP99Ms],
    ['bench sends made late (skipped)', 'count', (r) => r.failures.benchLateSends],
    ['other jobs on the machine (window)', '% of a core', (r) => r.otherCpuPercent],
  ]);
  const checks: Check[] = [];
  for (const serverName of allServers) {
    (results[serverName] ?? []).forEach((result, index) => {
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
    notes: [durabilityNote],
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
