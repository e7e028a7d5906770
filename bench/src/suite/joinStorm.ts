import { formatNumber } from '../report/table.ts';
import { runJoinStorm, seedOfSize } from '../scenarios/joinStorm.ts';
import type { Check, Row } from '../report/report.ts';
import {
  allServers,
  durabilityNote,
  newNoiseLog,
  noiseRow,
  paperPrefix,
  sizesFor,
  rowsOf,
  runOnServers,
  type ScenarioOutcome,
  type SuiteOptions,
} from './common.ts';

/** Scenario 4 in the suite: runs, medians and checks of the join storm. */
export async function runJoinStormScenario(options: SuiteOptions): Promise<ScenarioOutcome> {
  const size = sizesFor(options.smoke).joinStorm;
  const { updates } = paperPrefix(size.updates);
  const seed = seedOfSize(updates, size.guideBytes);
  const noise = newNoiseLog();
  const results = await runOnServers(
    allServers,
    async (server, run) => {
      const serverName = server.name;
      const result = await runJoinStorm(server, {
        clients: size.clients,
        seed: seed.chunks,
        expectedText: seed.expectedText,
        log: options.log,
      });
      options.log(
        `  run ${run + 1} ${serverName}: all ${result.synced} synced in ${formatNumber(result.allSyncedMs)} ms`,
      );
      return result;
    },
    { options, noise },
  );
  const rows: Row[] = [
    ...rowsOf(results, [
      ['guide size (encoded state)', 'KiB', (r) => r.guideBytes / 1024],
      [`all ${size.clients} clients synced`, 'ms', (r) => r.allSyncedMs],
      ['per client connect → synced p50', 'ms', (r) => r.p50Ms],
      ['per client connect → synced p99', 'ms', (r) => r.p99Ms],
      ['server CPU during the storm', 's', (r) => r.serverCpuSeconds],
      ['server peak RSS', 'MiB', (r) => r.peakRssBytes / 2 ** 20],
    ]),
    noiseRow(noise, true),
  ];
  const checks: Check[] = [];
  for (const serverName of allServers) {
    (results[serverName] ?? []).forEach((result, index) => {
      checks.push({
        name: `${serverName} run ${index + 1}: all ${result.clients} clients synced the whole guide`,
        ok: result.correct,
        ...(result.problems.length > 0 ? { detail: result.problems.join('; ') } : {}),
      });
    });
  }
  return {
    title: '4. Join storm',
    notes: [durabilityNote],
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
