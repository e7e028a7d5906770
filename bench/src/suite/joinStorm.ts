import { formatNumber } from '../report/table.ts';
import { runJoinStorm, seedOfSize, type JoinStormResult } from '../scenarios/joinStorm.ts';
import { row, type Check, type Row } from '../report/report.ts';
import {
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

/** Scenario 4 in the suite: runs, medians and checks of the join storm. */
export async function runJoinStormScenario(options: SuiteOptions): Promise<ScenarioOutcome> {
  const size = sizesFor(options.smoke).joinStorm;
  const { updates } = paperPrefix(size.updates);
  const seed = seedOfSize(updates, size.guideBytes);
  const results: Record<ServerName, JoinStormResult[]> = { draftroom: [], baseline: [] };
  const noise = newNoiseLog();
  for (let run = 0; run < options.runs; run++) {
    for (const serverName of orderFor(run)) {
      await withServer(
        serverName,
        async (server) => {
          const result = await runJoinStorm(server, {
            clients: size.clients,
            seed: seed.chunks,
            expectedText: seed.expectedText,
            log: options.log,
          });
          options.log(
            `  run ${run + 1} ${serverName}: all ${result.synced} synced in ${formatNumber(result.allSyncedMs)} ms`,
          );
          results[serverName].push(result);
        },
        { options, noise },
      );
    }
  }
  const both = (read: (result: JoinStormResult) => number) =>
    [results.draftroom.map(read), results.baseline.map(read)] as const;
  const rows: Row[] = [
    row('guide size (encoded state)', 'KiB', ...both((r) => r.guideBytes / 1024)),
    row(`all ${size.clients} clients synced`, 'ms', ...both((r) => r.allSyncedMs)),
    row('per client connect → synced p50', 'ms', ...both((r) => r.p50Ms)),
    row('per client connect → synced p99', 'ms', ...both((r) => r.p99Ms)),
    row('server CPU during the storm', 's', ...both((r) => r.serverCpuSeconds)),
    row('server peak RSS', 'MiB', ...both((r) => r.peakRssBytes / 2 ** 20)),
    noiseRow(noise),
  ];
  const checks: Check[] = [];
  for (const serverName of ['draftroom', 'baseline'] as const) {
    results[serverName].forEach((result, index) => {
      checks.push({
        name: `${serverName} run ${index + 1}: all ${result.clients} clients synced the whole guide`,
        ok: result.correct,
        ...(result.problems.length > 0 ? { detail: result.problems.join('; ') } : {}),
      });
    });
  }
  return {
    title: '4. Join storm',
    parameters: {
      clients: size.clients,
      'seed updates': seed.updates,
      'seed chunks': seed.chunks.length,
    },
    rows,
    checks,
    raw: results,
  };
}
