import { runApiLists } from '../scenarios/apiLists.ts';
import type { Check } from '../report/report.ts';
import {
  newNoiseLog,
  noiseRow,
  rowsOf,
  runOnServers,
  type ScenarioOutcome,
  type SuiteOptions,
} from './common.ts';

/**
 * Scenario 6 in the suite: Draftroom only (the relays have no API). Its comparison is Draftroom
 * before the change: run once more with BENCH_SERVER_DIR set to a snapshot of that commit
 * (`bench/scripts/snapshot-server.sh`); docs/PERFORMANCE.md has both runs side by side.
 */
export async function runApiListsScenario(options: SuiteOptions): Promise<ScenarioOutcome> {
  const size = options.smoke
    ? { groups: 20, invites: 50, requests: 20 }
    : { groups: 200, invites: 500, requests: 200 };
  const noise = newNoiseLog();
  const results = await runOnServers(
    ['draftroom'],
    (server) => runApiLists(server, { ...size, log: options.log }),
    { options, noise },
  );
  const checks: Check[] = results.draftroom.map((result, index) => ({
    name: `run ${index + 1}: every guide and invite listed`,
    ok: result.correct,
    ...(result.problems.length > 0 ? { detail: result.problems.join('; ') } : {}),
  }));
  return {
    title: '6. Organiser lists at a large event (Draftroom only: the relays have no API)',
    parameters: { ...size },
    rows: [
      ...rowsOf(results, [
        ['GET /api/guides, p50', 'ms', (r) => r.guides.p50Ms],
        ['GET /api/guides, p95', 'ms', (r) => r.guides.p95Ms],
        ['GET /api/invites, p50', 'ms', (r) => r.invites.p50Ms],
        ['GET /api/invites, p95', 'ms', (r) => r.invites.p95Ms],
      ]),
      noiseRow(noise),
    ],
    checks,
    raw: results,
  };
}
