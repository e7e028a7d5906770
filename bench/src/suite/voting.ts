import { formatNumber } from '../report/table.ts';
import { runVoting, type VotingResult } from '../scenarios/voting/index.ts';
import { atMost, row, target, type Check, type Row } from '../report/report.ts';
import {
  newNoiseLog,
  noiseRow,
  withServer,
  type ScenarioOutcome,
  type SuiteOptions,
} from './common.ts';

/** The size, and a smoke size that runs in a few seconds. */
const sizes = (smoke: boolean) =>
  smoke
    ? { voters: 20, groups: 2, windowMs: 1_000, replays: 5, settleMs: 3_000 }
    : { voters: 500, groups: 20, windowMs: 10_000, replays: 50, settleMs: 10_000 };

/** Issue 15: the results on every page within this long (p99) of the last vote. */
const visibleTargetMs = 1_000;

/** Ballots refused, lost or counted twice in one run (0 when every vote counted once). */
function miscountedVotes(result: VotingResult): number {
  const perOption = result.finalVotes.reduce(
    (sum, count, index) => sum + Math.abs(count - (result.sentPerOption[index] ?? 0)),
    0,
  );
  return (
    result.voters - result.accepted + Math.abs(result.finalBallots - result.accepted) + perOption
  );
}

/** Everything that makes "every vote counted exactly once" false in one run. */
export function miscounts(result: VotingResult): string[] {
  const problems: string[] = [];
  const sent = result.sentPerOption.reduce((sum, count) => sum + count, 0);
  if (result.accepted !== result.voters || sent !== result.voters) {
    problems.push(
      `accepted ${result.accepted} of ${result.voters} (statuses ${JSON.stringify(result.statuses)})`,
    );
  }
  if (result.finalBallots !== result.accepted) {
    problems.push(
      `the poll counts ${result.finalBallots} ballots, ${result.accepted} were accepted`,
    );
  }
  if (result.finalVotes.join() !== result.sentPerOption.join()) {
    problems.push(
      `per option: counted ${result.finalVotes.join('/')}, sent ${result.sentPerOption.join('/')}`,
    );
  }
  if (result.replaysRefused !== result.replays) {
    problems.push(
      `replays refused ${result.replaysRefused} of ${result.replays}: ${result.replayOther.slice(0, 3).join(', ')}`,
    );
  }
  return problems;
}

/**
 * Scenario 13 in the suite: issue 15's voting, on a fresh Draftroom process per run (see
 * `runVoting`). The "baseline" column is a single ballot reaching the same pages on the idle
 * server, in the same run: the ratio is what the burst of votes adds to the time a change takes
 * to reach every page. The announcement row is the older fan-out (`event: live`) for reference.
 */
export async function runVotingScenario(options: SuiteOptions): Promise<ScenarioOutcome> {
  const size = sizes(options.smoke);
  const noise = newNoiseLog();
  const runs: VotingResult[] = [];
  for (let run = 0; run < options.runs; run++) {
    const result = await withServer(
      'draftroom',
      (server) => runVoting(server, { ...size, seed: 15_000 + run, log: options.log }),
      { options, noise },
    );
    options.log(
      `  run ${run + 1}: ${result.accepted}/${result.voters} accepted, results on all pages p99 ` +
        `${formatNumber(result.results.p99Ms)} ms (${result.results.seen}/${result.results.pages} pages), ` +
        `server CPU ${formatNumber(result.server.cpuPercent)} %, other jobs ${formatNumber(result.otherCpuPercent)} %`,
    );
    runs.push(result);
  }

  const of = (read: (result: VotingResult) => number) => runs.map(read);
  const fanOutRows = (which: 'p50Ms' | 'p95Ms' | 'p99Ms' | 'maxMs', label: string): Row =>
    row(
      `last ballot sent → results on all pages ${label}`,
      'ms',
      { draftroom: of((r) => r.results[which]), baseline: of((r) => r.singleBallot[which]) },
      which === 'p99Ms'
        ? (draftroom) => [
            target(`≤ ${formatNumber(visibleTargetMs)} ms`, atMost(draftroom, visibleTargetMs)),
          ]
        : undefined,
    );
  const only = (
    metric: string,
    unit: string,
    read: (result: VotingResult) => number,
    targets?: Parameters<typeof row>[3],
  ): Row => ({
    ...row(metric, unit, { draftroom: of(read) }, targets),
    ratio: null,
  });
  const mib = 2 ** 20;
  const rows: Row[] = [
    // The worst run, not the median: one miscounted run is one too many.
    only(
      'votes not counted exactly once, worst run',
      'count',
      () => Math.max(...runs.map(miscountedVotes)),
      (draftroom) => [target('0', draftroom === null ? null : draftroom === 0)],
    ),
    only(
      'replayed ballots not refused with 409 already_voted, worst run',
      'count',
      () => Math.max(...runs.map((r) => r.replays - r.replaysRefused)),
      (draftroom) => [target('0', draftroom === null ? null : draftroom === 0)],
    ),
    fanOutRows('p50Ms', 'p50'),
    fanOutRows('p95Ms', 'p95'),
    fanOutRows('p99Ms', 'p99'),
    fanOutRows('maxMs', 'max'),
    row('last ballot answered → results on all pages p99', 'ms', {
      draftroom: of((r) => r.results.fromAnswer.p99Ms),
      baseline: of((r) => r.singleBallot.fromAnswer.p99Ms),
    }),
    only(
      'pages that never showed the final results',
      'pages',
      (r) => r.results.pages - r.results.seen,
    ),
    only('announcement → all pages p99 (idle, reference)', 'ms', (r) => r.announcement.p99Ms),
    only('ballot request latency p50', 'ms', (r) => r.voteLatency.p50Ms),
    only('ballot request latency p99', 'ms', (r) => r.voteLatency.p99Ms),
    only('last ballot answered after', 's', (r) => r.lastVoteAfterMs / 1000),
    only(
      'interaction messages received by pages while voting',
      'messages',
      (r) => r.interactionMessages,
    ),
    only('server CPU while voting', '% of a core', (r) => r.server.cpuPercent),
    // RSS: the column pair is "while voting" against "the pages open, before the first vote".
    row('server RSS, peak while voting / before', 'MiB', {
      draftroom: of((r) => r.server.peakRssBytes / mib),
      baseline: of((r) => r.server.rssBeforeBytes / mib),
    }),
    only('server RSS at the end', 'MiB', (r) => r.server.endRssBytes / mib),
    only('bench CPU while voting', '% of a core', (r) => r.bench.cpuPercent),
    only('bench event-loop delay p99', 'ms', (r) => r.bench.loopDelayP99Ms),
    only('other jobs on the machine while voting', '% of a core', (r) => r.otherCpuPercent),
    noiseRow(noise),
  ];

  const checks: Check[] = runs.flatMap((result, index) => {
    const problems = miscounts(result);
    return [
      {
        name: `run ${index + 1}: every vote counted exactly once, every replay refused`,
        ok: problems.length === 0,
        detail:
          problems.join('; ') ||
          `${result.accepted} ballots, per option ${result.finalVotes.join('/')}, ${result.replays} replays refused`,
      },
      {
        name: `run ${index + 1}: every page listened and showed the final results`,
        ok:
          result.pageFailures.length === 0 &&
          result.listening === result.voters &&
          result.results.seen === result.voters &&
          result.singleBallot.seen === result.voters &&
          result.announcement.seen === result.voters,
        detail:
          `listening ${result.listening}/${result.voters}, final results on ${result.results.seen}, ` +
          `single ballot on ${result.singleBallot.seen}, announcement on ${result.announcement.seen}` +
          (result.pageFailures.length
            ? `, failures: ${result.pageFailures.slice(0, 3).join(', ')}`
            : ''),
      },
    ];
  });

  return {
    title: `13. Voting: ${size.voters} voters in ${size.windowMs / 1000} s (Draftroom only; "baseline" = one ballot on the idle server)`,
    columns: { draftroom: `${size.voters} votes`, baseline: 'one ballot, idle', ratio: 'ratio' },
    notes: [
      `${size.voters} people joined by invite, each with the session's event stream open, each ` +
        `casting one ballot (single choice, 4 options, results revealed) at a random moment in ` +
        `${size.windowMs / 1000} s; ${size.replays} of them send it again at once (must be 409 ` +
        'already_voted). Times run from the moment the last ballot was sent (its click; one row from ' +
        'its response) until each page has received the poll with every ballot counted and ' +
        'each option’s count as sent. Baseline column: ' +
        'one ballot in another poll, before the vote, to the same pages on the idle server. The ' +
        'bench holds every page and the server shares the same 2 cores.',
    ],
    parameters: { ...size, options: 4 },
    rows,
    checks,
    raw: runs,
  };
}
