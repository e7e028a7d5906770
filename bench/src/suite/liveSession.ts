import { formatNumber } from '../report/table.ts';
import { runConference, type ConferenceResult } from '../scenarios/conference/index.ts';
import { LiveSessionLoad, type LiveSessionStats } from '../scenarios/liveSession.ts';
import { row, type Check, type Row } from '../report/report.ts';
import {
  newNoiseLog,
  sizesFor,
  withServer,
  type ScenarioOutcome,
  type SuiteOptions,
} from './common.ts';

interface Pair {
  plain: ConferenceResult;
  live: ConferenceResult;
  stats: LiveSessionStats;
}

/**
 * Scenario 7 in the suite: the conference load run twice on Draftroom, on fresh processes, once
 * as it is and once with the session run live (every page listening to the session's event
 * stream and reading its live state on each change, the facilitator's console open, a timer
 * running, an announcement to every group at intervals). Which goes first alternates by run.
 * The table's "baseline" column is Draftroom without the live session: the ratio is the cost.
 */
export async function runLiveSessionScenario(options: SuiteOptions): Promise<ScenarioOutcome> {
  const load = sizesFor(options.smoke).conference;
  const announceEverySeconds = options.smoke ? 2 : 10;
  const noise = newNoiseLog();
  const pairs: Pair[] = [];
  for (let run = 0; run < options.runs; run++) {
    const results: Partial<Pair> = {};
    for (const live of run % 2 === 0 ? [false, true] : [true, false]) {
      await withServer(
        'draftroom',
        async (server) => {
          let stats: LiveSessionStats | null = null;
          const result = await runConference(server, {
            ...load,
            log: options.log,
            ...(live && {
              alongside: async (setup) => {
                if (!setup.sessionId) throw new Error('the live session needs Draftroom');
                const session = await LiveSessionLoad.start(server.url, setup, {
                  sessionId: setup.sessionId,
                  announceEverySeconds,
                  timerMinutes: 30,
                });
                return async () => {
                  stats = await session.stop();
                };
              },
            }),
          });
          options.log(
            `  run ${run + 1} ${live ? 'live session' : 'plain'}: edit p99 ${formatNumber(result.editAllPeers.p99Ms)} ms`,
          );
          if (live) {
            results.live = result;
            results.stats = stats ?? undefined;
          } else results.plain = result;
        },
        { options, noise },
      );
    }
    if (!results.plain || !results.live || !results.stats) throw new Error('a run did not finish');
    pairs.push(results as Pair);
  }

  const pick = (read: (result: ConferenceResult) => number | null) => ({
    draftroom: pairs.map((pair) => read(pair.live)),
    baseline: pairs.map((pair) => read(pair.plain)),
  });
  const rows: Row[] = [
    row(
      'edit latency send → all peers p50',
      'ms',
      pick((r) => r.editAllPeers.p50Ms),
    ),
    row(
      'edit latency send → all peers p99',
      'ms',
      pick((r) => r.editAllPeers.p99Ms),
    ),
    row(
      'awareness latency p99',
      'ms',
      pick((r) => r.awareness.p99Ms),
    ),
    row(
      'server CPU',
      '% of a core',
      pick((r) => r.serverCpuPercent),
    ),
    row(
      'server peak RSS',
      'MiB',
      pick((r) => r.peakRssBytes / 2 ** 20),
    ),
    {
      ...row('live-state messages received by pages (live run)', 'messages', {
        draftroom: pairs.map((pair) => pair.stats.liveMessages),
      }),
      ratio: null,
    },
    {
      ...row('announcements sent (live run)', 'count', {
        draftroom: pairs.map((pair) => pair.stats.announcements),
      }),
      ratio: null,
    },
  ];
  const checks: Check[] = pairs.flatMap((pair, index) => [
    {
      name: `run ${index + 1}: every peer got every edit, with and without the live session`,
      ok: pair.plain.correct && pair.live.correct,
    },
    {
      name: `run ${index + 1}: every page listened and was sent the live state after each change`,
      ok:
        pair.stats.failures === 0 &&
        pair.stats.listening === pair.stats.pages &&
        // At least once on opening (the timer may already be running then), once per announcement.
        pair.stats.liveMessages >= (pair.stats.pages - 1) * (1 + pair.stats.announcements),
      detail: `pages ${pair.stats.pages}, listening ${pair.stats.listening}, live messages ${pair.stats.liveMessages}, console reads ${pair.stats.consoleReads}, announcements ${pair.stats.announcements}, failures ${pair.stats.failures}`,
    },
  ]);
  return {
    title: '7. Session run live (Draftroom only; "baseline" = the same load without it)',
    notes: [
      'Draftroom column: the conference load with every page listening to its session’s event ' +
        'stream (sent the live state on each change), the console open, a timer running and ' +
        `an announcement to every group every ${announceEverySeconds} s. Baseline column: the ` +
        'same load on Draftroom without any of it (fresh process each, order alternating).',
    ],
    parameters: {
      guides: load.guides,
      'clients per guide': load.clientsPerGuide,
      'measured s': load.durationSeconds,
      'announce every s': announceEverySeconds,
    },
    rows,
    checks,
    raw: pairs,
  };
}
