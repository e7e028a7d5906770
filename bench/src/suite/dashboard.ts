import { formatNumber } from '../report/table.ts';
import { runConference, type ConferenceResult } from '../scenarios/conference/index.ts';
import { DashboardLoad, type DashboardStats } from '../scenarios/dashboard.ts';
import { atMost, row, target, type Check, type Row } from '../report/report.ts';
import {
  newNoiseLog,
  sizesFor,
  withServer,
  type ScenarioOutcome,
  type SuiteOptions,
} from './common.ts';

interface Pair {
  plain: ConferenceResult;
  watched: ConferenceResult;
  stats: DashboardStats;
}

const dashboards = 5;
const probeEveryMs = 2_000;

/**
 * Scenario 11 in the suite: the conference load run twice on Draftroom, on fresh processes, both
 * with a probe writing a word every 2 s in a guide of its own, once with the organisers'
 * dashboard open five times (five event streams, the probe timed to its row on each). Which goes first alternates by run.
 * The "baseline" column is the same load without dashboards: the ratio is the dashboard's cost.
 */
export async function runDashboardScenario(options: SuiteOptions): Promise<ScenarioOutcome> {
  const load = sizesFor(options.smoke).conference;
  const noise = newNoiseLog();
  const pairs: Pair[] = [];
  for (let run = 0; run < options.runs; run++) {
    const results: Partial<Pair> = {};
    for (const watched of run % 2 === 0 ? [false, true] : [true, false]) {
      await withServer(
        'draftroom',
        async (server) => {
          let stats: DashboardStats | null = null;
          const result = await runConference(server, {
            ...load,
            log: options.log,
            // The probe writes in both runs (its edits cost the server too): only the
            // dashboards differ.
            alongside: async (setup) => {
              const open = await DashboardLoad.start(server, setup, {
                dashboards: watched ? dashboards : 0,
                probeEveryMs,
              });
              return async () => {
                const heard = await open.stop();
                if (watched) stats = heard;
              };
            },
          });
          options.log(
            `  run ${run + 1} ${watched ? 'with dashboards' : 'plain'}: server CPU ${formatNumber(result.serverCpuPercent)} %`,
          );
          if (watched) {
            results.watched = result;
            results.stats = stats ?? undefined;
          } else results.plain = result;
        },
        { options, noise },
      );
    }
    if (!results.plain || !results.watched || !results.stats)
      throw new Error('a run did not finish');
    pairs.push(results as Pair);
  }

  const pick = (read: (result: ConferenceResult) => number | null) => ({
    draftroom: pairs.map((pair) => read(pair.watched)),
    baseline: pairs.map((pair) => read(pair.plain)),
  });
  const dashboardOnly = (
    name: string,
    unit: string,
    read: (stats: DashboardStats) => number,
    targets?: (draftroom: number | null) => ReturnType<typeof target>[],
  ) => ({
    ...row(name, unit, { draftroom: pairs.map((pair) => read(pair.stats)) }, targets),
    ratio: null,
  });
  const rows: Row[] = [
    row(
      'server CPU',
      '% of a core',
      pick((r) => r.serverCpuPercent),
      (draftroom, baseline) => [
        target(
          '≤ 1.10× without',
          draftroom === null || baseline === null ? null : atMost(draftroom / baseline, 1.1),
        ),
      ],
    ),
    row(
      'edit latency send → all peers p99',
      'ms',
      pick((r) => r.editAllPeers.p99Ms),
    ),
    row(
      'server peak RSS',
      'MiB',
      pick((r) => r.peakRssBytes / 2 ** 20),
    ),
    dashboardOnly('probe edit → dashboard row p50', 'ms', (s) => s.p50Ms),
    dashboardOnly(
      'probe edit → dashboard row p95',
      'ms',
      (s) => s.p95Ms,
      (value) => [target('≤ 2,000 ms', atMost(value, 2_000))],
    ),
    dashboardOnly('probe edit → dashboard row max', 'ms', (s) => s.maxMs),
    dashboardOnly('rows messages received (all dashboards)', 'messages', (s) => s.messages),
  ];
  // Correctness decides the exit code; the two performance bounds are targets (above).
  const checks: Check[] = pairs.flatMap((pair, index) => [
    {
      name: `run ${index + 1}: every peer got every edit, with and without dashboards`,
      ok: pair.plain.correct && pair.watched.correct,
    },
    {
      name: `run ${index + 1}: every dashboard listened and showed every probe edit`,
      ok:
        pair.stats.failures === 0 &&
        pair.stats.listening === dashboards &&
        pair.stats.seen >= pair.stats.probes,
      detail: `dashboards ${pair.stats.listening}/${dashboards}, probes ${pair.stats.probes}, seen by all ${pair.stats.seen}, failures ${pair.stats.failures}`,
    },
  ]);
  return {
    title: '11. Organisers’ dashboard (Draftroom only; "baseline" = the same load without it)',
    notes: [
      `Draftroom column: the conference load with the dashboard open ${dashboards} times (the ` +
        `organiser's event streams) and a probe edit every ${probeEveryMs / 1000} s in a guide ` +
        'of its own, timed from sending to its row on each dashboard. Baseline column: the same ' +
        'load without dashboards (fresh process each, order alternating).',
    ],
    parameters: {
      guides: load.guides,
      'clients per guide': load.clientsPerGuide,
      'measured s': load.durationSeconds,
      dashboards,
    },
    rows,
    checks,
    raw: pairs,
  };
}
