import type { BackendUsage } from '../lib/backendSampler.ts';
import { atLeast, atMost, medianOf, row, target, type Check, type Row } from '../report/report.ts';
import type { ConferenceOptions, ConferenceResult } from '../scenarios/conference/index.ts';
import type { ReplayResult } from '../scenarios/traceReplay.ts';

export interface StoreRate {
  commitsPerSecond: number;
  updatesPerCommit: number | null;
  commitMs: number | null;
}

/** One conference run on one server kind, with what PostgreSQL, Redis and the relay did. */
export interface ConferenceRun {
  run: number;
  result: ConferenceResult;
  /** Two instances only: PostgreSQL's and Redis' share of the measured window. */
  backends: BackendUsage | null;
  /** The document store's group commits in the window (every instance's), from /metrics. */
  store: StoreRate | null;
  /** Two instances only, per instance: its Prometheus counters at the end. */
  relayedPerInstance: number[];
  resyncsPerInstance: number[];
  rejectedPerInstance: number[];
  /** Two instances only: guides with content in the PostgreSQL database at the end. */
  guidesInPostgres: number | null;
  guides: number;
}

export interface ReplayRun {
  run: number;
  result: ReplayResult;
  backends: BackendUsage | null;
  store: StoreRate | null;
  /** Everything but the bench, the server and (on PostgreSQL) PostgreSQL. */
  otherCpuPercent: number;
}

export interface ScaleOutResults {
  conference: { single: ConferenceRun[]; scaled: ConferenceRun[] };
  replay: { sqlite: ReplayRun[]; postgres: ReplayRun[] };
  /** Server kinds that did not start, and why (e.g. no PostgreSQL support on this server). */
  startFailures: Array<{ what: string; why: string }>;
}

type Load = Pick<ConferenceOptions, 'durationSeconds'>;
const mib = 2 ** 20;
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const failedMessages = (result: ConferenceResult) =>
  result.failures.connectFailures +
  result.failures.unexpectedCloses +
  result.failures.undecodableFrames +
  result.failures.misrouted +
  result.failures.duplicates +
  (result.failures.serverRejected ?? 0);

/** The table: "draftroom" holds the PostgreSQL side, "baseline" one instance on SQLite. */
export function scaleOutRows(results: ScaleOutResults, load: Load): Row[] {
  const { single, scaled } = results.conference;
  const conference = (
    metric: string,
    unit: string,
    read: (run: ConferenceRun) => number | null,
    targets?: Parameters<typeof row>[3],
  ) =>
    row(
      `conference: ${metric}`,
      unit,
      { draftroom: scaled.map(read), baseline: single.map(read) },
      targets,
    );
  /** A figure only the two-instance side has (PostgreSQL, Redis, the relay). */
  const backend = (metric: string, unit: string, read: (usage: BackendUsage) => number | null) =>
    row(`conference: ${metric}`, unit, {
      draftroom: scaled.map((run) => (run.backends ? read(run.backends) : null)),
      baseline: null,
    });
  // Each run's two-instance p99 over the same run's one-instance p99, then the median.
  const sameRunRatios = scaled.map((run) => {
    const partner = single.find((other) => other.run === run.run);
    const mine = run.result.editAllPeers.p99Ms;
    const theirs = partner?.result.editAllPeers.p99Ms;
    return theirs && Number.isFinite(mine) ? mine / theirs : null;
  });
  const ratio = medianOf(sameRunRatios);
  const editsPerSecond = (run: ConferenceRun) => run.result.editsMeasured / load.durationSeconds;

  const rows: Row[] = [
    conference('edit latency send → all peers p50', 'ms', (r) => r.result.editAllPeers.p50Ms),
    conference(
      'edit latency send → all peers p99',
      'ms',
      (r) => r.result.editAllPeers.p99Ms,
      (two, one) => [target('≤ 2× one instance', atMost(two, one === null ? null : 2 * one))],
    ),
    {
      ...row('conference: two instances / one, edit p99 (same run)', '×', {
        draftroom: sameRunRatios,
      }),
      targets: [target('≤ 2', atMost(ratio, 2))],
    },
    conference('awareness latency p99', 'ms', (r) => r.result.awareness.p99Ms),
    conference(
      'lost (edit, peer) pairs',
      'pairs',
      (r) => r.result.lostDeliveries,
      (two, one) => [target('0 on both', two === null || one === null ? null : two + one === 0)],
    ),
    conference('dropped / failed messages', 'count', (r) => failedMessages(r.result)),
    conference('edits typed (measured window)', 'edits/s', editsPerSecond),
    conference('server CPU (Draftroom processes)', '% of a core', (r) => r.result.serverCpuPercent),
    conference('server peak RSS (Draftroom processes)', 'MiB', (r) => r.result.peakRssBytes / mib),
    backend(
      'PostgreSQL backends CPU (this database)',
      '% of a core',
      (u) => u.postgresBackendCpuPercent,
    ),
    backend(
      'PostgreSQL background CPU (whole server, shared)',
      '% of a core',
      (u) => u.postgresBackgroundCpuPercent,
    ),
    backend('PostgreSQL connections (backends)', 'count', (u) => u.postgresBackends),
    conference(
      'document-store group commits',
      'commits/s',
      (r) => r.store?.commitsPerSecond ?? null,
    ),
    conference('updates per group commit', 'updates', (r) => r.store?.updatesPerCommit ?? null),
    conference('group commit duration (mean)', 'ms', (r) => r.store?.commitMs ?? null),
    backend(
      'PostgreSQL commits, all transactions (pg_stat_database)',
      'commits/s',
      (u) => u.commitsPerSecond,
    ),
    backend('PostgreSQL rows inserted', 'rows/s', (u) => u.rowsInsertedPerSecond),
    backend('PostgreSQL WAL written (whole server)', 'KiB/s', (u) => u.walBytesPerSecond / 1024),
    backend('Redis CPU', '% of a core', (u) => u.redisCpuPercent),
    backend('Redis commands', 'commands/s', (u) => u.redisCommandsPerSecond),
    backend('Redis traffic in + out', 'KiB/s', (u) =>
      u.redisInBytesPerSecond === null || u.redisOutBytesPerSecond === null
        ? null
        : (u.redisInBytesPerSecond + u.redisOutBytesPerSecond) / 1024,
    ),
    backend('Redis peak RSS', 'MiB', (u) =>
      u.redisPeakRssBytes === null ? null : u.redisPeakRssBytes / mib,
    ),
    row('conference: updates applied from the other instance', 'updates', {
      draftroom: scaled.map((run) => sum(run.relayedPerInstance)),
      baseline: null,
    }),
    row('conference: relay resyncs (guide merged again from the store)', 'count', {
      draftroom: scaled.map((run) => sum(run.resyncsPerInstance)),
      baseline: null,
    }),
    conference('bench CPU (load generator)', '% of a core', (r) => r.result.benchCpuPercent),
    conference('bench event-loop delay p99', 'ms', (r) => r.result.benchLoopDelayP99Ms),
    conference('other jobs on the machine (window)', '% of a core', (r) =>
      Math.max(0, r.result.otherCpuPercent - backendCpu(r.backends)),
    ),
  ];

  const { sqlite, postgres } = results.replay;
  const replay = (
    metric: string,
    unit: string,
    read: (run: ReplayRun) => number | null,
    targets?: Parameters<typeof row>[3],
  ) =>
    row(
      `replay: ${metric}`,
      unit,
      { draftroom: postgres.map(read), baseline: sqlite.map(read) },
      targets,
    );
  const throughput = replay(
    'throughput (writer → server → observer)',
    'updates/s',
    (r) => r.result.updatesPerSecond,
  );
  throughput.targets = [target('PostgreSQL ≥ 0.5× SQLite', atLeast(throughput.ratio, 0.5))];
  rows.push(
    throughput,
    replay('latency writer → observer p99', 'ms', (r) => r.result.latencyP99Ms),
    replay('server CPU', '% of a core', (r) => r.result.serverCpuPercent),
    row('replay: PostgreSQL backends CPU', '% of a core', {
      draftroom: postgres.map((r) => r.backends?.postgresBackendCpuPercent ?? null),
      baseline: null,
    }),
    replay('document-store group commits', 'commits/s', (r) => r.store?.commitsPerSecond ?? null),
    replay('updates per group commit', 'updates', (r) => r.store?.updatesPerCommit ?? null),
    replay('group commit duration (mean)', 'ms', (r) => r.store?.commitMs ?? null),
    row('replay: PostgreSQL commits, all transactions (pg_stat_database)', 'commits/s', {
      draftroom: postgres.map((r) => r.backends?.commitsPerSecond ?? null),
      baseline: null,
    }),
    replay('other jobs on the machine', '% of a core', (r) => r.otherCpuPercent),
  );
  return rows;
}

function backendCpu(usage: BackendUsage | null): number {
  if (!usage) return 0;
  return (
    usage.postgresBackendCpuPercent +
    usage.postgresBackgroundCpuPercent +
    (usage.redisCpuPercent ?? 0)
  );
}

/** Correctness: these decide the exit code; a server kind that did not start fails here. */
export function scaleOutChecks(
  results: ScaleOutResults,
  reachable: { ok: boolean; why?: string },
): Check[] {
  const checks: Check[] = [
    {
      name: 'PostgreSQL answers and lets the bench create databases',
      ok: reachable.ok,
      ...(reachable.why ? { detail: reachable.why } : {}),
    },
  ];
  for (const failure of results.startFailures) {
    checks.push({ name: `${failure.what} started`, ok: false, detail: failure.why });
  }
  const conference = (name: string, runs: ConferenceRun[]) => {
    for (const { run, result } of runs) {
      checks.push({
        name: `${name} run ${run + 1}: every peer got every edit, server copy complete`,
        ok: result.correct,
        detail:
          `connected ${result.connected}/${result.connections}, lost pairs ${result.lostDeliveries}, ` +
          `server missing ${result.serverMissingEdits}, unexpected closes ${result.failures.unexpectedCloses}`,
      });
    }
  };
  conference('one instance on SQLite', results.conference.single);
  conference('two instances on PostgreSQL + Redis', results.conference.scaled);
  for (const run of results.conference.scaled) {
    // Without this, "nothing lost" could also mean both halves were served by one process.
    checks.push({
      name: `two instances run ${run.run + 1}: each instance applied updates the other stored (through Redis)`,
      ok: run.relayedPerInstance.length === 2 && run.relayedPerInstance.every((count) => count > 0),
      detail: `draftroom_relayed_updates_total per instance: ${run.relayedPerInstance.join(', ')}`,
    });
    checks.push({
      name: `two instances run ${run.run + 1}: every guide's edits are in the PostgreSQL database`,
      ok: run.guidesInPostgres === run.guides,
      detail: `${run.guidesInPostgres ?? 'unknown'} of ${run.guides} guides have stored content there`,
    });
  }
  for (const [name, runs] of [
    ['replay on SQLite', results.replay.sqlite],
    ['replay on PostgreSQL', results.replay.postgres],
  ] as const) {
    for (const { run, result } of runs) {
      checks.push({
        name: `${name} run ${run + 1}: observer ends with exactly endContent`,
        ok: result.correct,
      });
    }
  }
  return checks;
}
