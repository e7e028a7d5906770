import { loadavg } from 'node:os';
import { scenarioNames, type ScenarioName, type ScenarioReport } from '../report/report.ts';
import type { ScenarioOutcome, SuiteOptions } from './common.ts';
import { runApiListsScenario } from './apiLists.ts';
import { runColdLoadScenario } from './coldLoad.ts';
import { runConferenceScenario } from './conference.ts';
import { runExportsScenario } from './exports.ts';
import { runJoinStormScenario } from './joinStorm.ts';
import { runLiveSessionScenario } from './liveSession.ts';
import { runMemoryScenario } from './memory.ts';
import { runReplayScenario } from './replay.ts';
import { runSoakScenario } from './soak.ts';
import { runVersionsScenario } from './versions.ts';
import { runSearchScenario } from './search.ts';
import { runDashboardScenario } from './dashboard.ts';
import { runScaleOutScenario } from './scaleout.ts';
import { runVotingScenario } from './voting.ts';

export type { SuiteOptions } from './common.ts';
export { sizesFor } from './common.ts';

export const defaultScenarios: ScenarioName[] = scenarioNames.filter((name) => name !== 'soak');

/** Runs one scenario at the chosen size; a scenario that throws becomes a failed check. */
export async function runScenario(
  name: ScenarioName,
  options: SuiteOptions,
): Promise<ScenarioReport> {
  const startedAt = new Date();
  const started = performance.now();
  const loadBefore = loadavg()[0] ?? 0;
  options.log(`▶ ${name}${options.smoke ? ' (smoke)' : ''}`);
  let outcome: ScenarioOutcome;
  try {
    outcome = await scenarioRunners[name](options);
  } catch (error) {
    // A crashed scenario is a failed check, and the other scenarios still run.
    options.log(`  ${name} failed: ${(error as Error).stack ?? String(error)}`);
    outcome = {
      title: `${name} (did not finish)`,
      parameters: {},
      rows: [],
      checks: [{ name: 'scenario ran to the end', ok: false, detail: (error as Error).message }],
      raw: null,
    };
  }
  return {
    scenario: name,
    smoke: options.smoke,
    runs: name === 'soak' ? 1 : options.runs,
    ...outcome,
    notes: outcome.notes ?? [],
    // Other jobs on this 2-core machine skew every figure; the 1-minute load average says if any ran.
    loadAverage: { start: loadBefore, end: loadavg()[0] ?? 0 },
    startedAt: startedAt.toISOString(),
    seconds: (performance.now() - started) / 1000,
  };
}

const scenarioRunners: Record<ScenarioName, (options: SuiteOptions) => Promise<ScenarioOutcome>> = {
  replay: runReplayScenario,
  conference: runConferenceScenario,
  'cold-load': runColdLoadScenario,
  'join-storm': runJoinStormScenario,
  memory: runMemoryScenario,
  soak: runSoakScenario,
  'api-lists': runApiListsScenario,
  'live-session': runLiveSessionScenario,
  versions: runVersionsScenario,
  exports: runExportsScenario,
  search: runSearchScenario,
  dashboard: runDashboardScenario,
  scaleout: runScaleOutScenario,
  voting: runVotingScenario,
};
