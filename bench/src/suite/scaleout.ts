import { BackendSampler, type BackendUsage } from '../lib/backendSampler.ts';
import type { GuideSetup } from '../lib/people.ts';
import {
  guidesStored,
  postgresAdminUrl,
  postgresReachable,
  shownUrl,
} from '../lib/postgresAdmin.ts';
import { startDraftroom, unthrottledEnv, type ServerUnderTest } from '../lib/processes.ts';
import { cpuSnapshot, otherCpuPercent, waitForQuietMachine } from '../lib/sampler.ts';
import {
  commitRate,
  startFailure,
  startOnPostgres,
  storeCommits,
  type PostgresServer,
} from '../lib/scaleOut.ts';
import { formatNumber } from '../report/table.ts';
import { runConference, type ConferenceOptions } from '../scenarios/conference/index.ts';
import { replaySequential } from '../scenarios/traceReplay.ts';
import { paperPrefix, sizesFor, type ScenarioOutcome, type SuiteOptions } from './common.ts';
import {
  scaleOutChecks,
  scaleOutRows,
  type ConferenceRun,
  type ReplayRun,
  type ScaleOutResults,
} from './scaleoutRows.ts';

/**
 * Scale-out (issue 14): Draftroom on PostgreSQL + Redis beside Draftroom on SQLite, in the same
 * run, the order rotating from run to run as in every comparison.
 * - The conference load (`runConference`, exactly as scenario 2 runs it) on one instance on
 *   SQLite, and on two instances sharing a fresh PostgreSQL database and a private redis-server,
 *   each guide's people split across the two (so every edit reaches half its peers through the
 *   other instance). Targets: nothing lost on either; two-instance edit p99 ≤ 2× one instance's.
 * - The trace replay (one writer at full speed) on one instance on PostgreSQL beside one on
 *   SQLite: PostgreSQL ≥ 0.5× SQLite. It is also the highest commit rate the store asks of
 *   PostgreSQL, recorded for capacity planning.
 * A server that cannot run this (no PostgreSQL support, Redis not in effect) fails its check and
 * leaves its figures empty; nothing is measured on a stand-in.
 */
export async function runScaleOutScenario(options: SuiteOptions): Promise<ScenarioOutcome> {
  const size = scaleOutSizes(options.smoke);
  const reachable = await postgresReachable();
  const results: ScaleOutResults = {
    conference: { single: [], scaled: [] },
    replay: { sqlite: [], postgres: [] },
    startFailures: [],
  };
  if (reachable.ok) {
    const { trace, updates } = paperPrefix(size.replayUpdates);
    for (let run = 0; run < options.runs; run++) {
      for (const kind of rotate(['single', 'scaled'] as const, run)) {
        const measured = await conferenceOn(kind, run, size.conference, options);
        if ('failed' in measured) results.startFailures.push(measured.failed);
        else results.conference[kind].push(measured);
      }
      for (const kind of rotate(['sqlite', 'postgres'] as const, run)) {
        const measured = await replayOn(kind, run, options, (server, guide) =>
          replaySequential(server, trace, updates, guide),
        );
        if ('failed' in measured) results.startFailures.push(measured.failed);
        else results.replay[kind].push(measured);
      }
    }
  }
  return {
    title: '12. Scale-out: PostgreSQL + Redis beside SQLite',
    columns: { draftroom: 'PostgreSQL', baseline: 'SQLite', ratio: 'PG/SQLite' },
    notes: [
      'Columns: "PostgreSQL" is two instances on PostgreSQL + Redis for the conference rows and ' +
        'one instance on PostgreSQL (no Redis) for the replay rows; "SQLite" is one instance on ' +
        'SQLite (the default). Server CPU and RSS are the Draftroom processes (summed over ' +
        'instances); PostgreSQL and Redis are their own rows, and "other jobs" excludes them.',
    ],
    parameters: {
      guides: size.conference.guides,
      'clients per guide': size.conference.clientsPerGuide,
      'edits/s per client': size.conference.editsPerSecond,
      'awareness/s per client': size.conference.awarenessPerSecond,
      'measured s': size.conference.durationSeconds,
      instances: 2,
      'client split': 'client k → instance k mod 2',
      'replay updates': size.replayUpdates ?? 'all',
      postgres: shownUrl(postgresAdminUrl),
    },
    rows: scaleOutRows(results, size.conference),
    checks: scaleOutChecks(results, reachable),
    raw: results,
  };
}

/** Sizes: the conference scenario's, and a smoke size that adds seconds, not minutes. */
export function scaleOutSizes(smoke: boolean) {
  const { conference } = sizesFor(smoke);
  return smoke
    ? {
        conference: {
          ...conference,
          guides: 2,
          clientsPerGuide: 4,
          warmupSeconds: 1,
          durationSeconds: 2,
        },
        replayUpdates: 1_000 as number | undefined,
      }
    : { conference, replayUpdates: undefined as number | undefined };
}

type ConferenceLoad = Omit<ConferenceOptions, 'log'>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const rotate = <T>(kinds: readonly T[], run: number): T[] =>
  kinds.map((_, index) => kinds[(index + run) % kinds.length] as T);

const label = {
  single: 'one instance on SQLite',
  scaled: 'two instances on PostgreSQL + Redis',
  sqlite: 'replay on SQLite',
  postgres: 'replay on PostgreSQL',
} as const;

/**
 * Waits for a quiet machine (full size; 30 s at most, not the suite's three minutes: this scenario
 * starts four server kinds a run, and the "other jobs" rows record what was running anyway),
 * then starts the server kind; a refusal is returned, not thrown.
 */
async function start<T extends ServerUnderTest>(
  what: string,
  options: SuiteOptions,
  starter: () => Promise<T>,
): Promise<T | { failed: { what: string; why: string } }> {
  if (!options.smoke) await waitForQuietMachine(30_000, options.log);
  try {
    return await starter();
  } catch (error) {
    const why = startFailure(error);
    options.log(`  ${what} did not start: ${why}`);
    return { failed: { what, why } };
  }
}

async function conferenceOn(
  kind: 'single' | 'scaled',
  run: number,
  load: ConferenceLoad,
  options: SuiteOptions,
): Promise<ConferenceRun | { failed: { what: string; why: string } }> {
  const server = await start(label[kind], options, () =>
    kind === 'single' ? startDraftroom() : startOnPostgres({}, { instances: 2, redis: true }),
  );
  if ('failed' in server) return server;
  const scaled = kind === 'scaled' ? (server as PostgresServer) : null;
  const missed = (what: string) => (error: unknown) => {
    options.log(`  run ${run + 1} ${label[kind]}: could not read ${what}: ${String(error)}`);
    return null;
  };
  const before = cpuSnapshot(server);
  try {
    options.log(`  run ${run + 1} ${label[kind]}`);
    let backends: BackendUsage | null = null;
    let store: ConferenceRun['store'] = null;
    const result = await runConference(server, {
      ...load,
      log: options.log,
      // The store's commits, and PostgreSQL's and Redis' share, over the measured window (typing
      // starts with this call, then the warm-up, then the window until the returned stop).
      // A reading that fails (a server too busy to answer /metrics in time) leaves its rows
      // empty for this run, and is logged; it must not end the run.
      alongside: async () => {
        const window = sleep(load.warmupSeconds * 1000).then(() =>
          Promise.all([
            storeCommits(server).catch(missed('store commits at the window start')),
            scaled
              ? BackendSampler.start(scaled.database.name, scaled.redis?.port ?? null).catch(
                  missed('PostgreSQL and Redis at the window start'),
                )
              : null,
          ]),
        );
        return async () => {
          const [commits, sampler] = await window;
          const end = await storeCommits(server).catch(missed('store commits at the window end'));
          store = commits && end ? commitRate(commits, end) : null;
          backends = sampler
            ? await sampler.stop().catch(missed('PostgreSQL and Redis at the window end'))
            : null;
        };
      },
    });
    const counters = async (name: string) => (scaled ? scaled.counterPerInstance(name) : []);
    const measured: ConferenceRun = {
      run,
      result,
      backends,
      store,
      relayedPerInstance: await counters('draftroom_relayed_updates_total'),
      resyncsPerInstance: await counters('draftroom_relay_resyncs_total'),
      rejectedPerInstance: await counters('draftroom_messages_rejected_total'),
      guidesInPostgres: scaled
        ? await guidesStored(scaled.database).catch(missed('the guides stored'))
        : null,
      guides: load.guides,
    };
    options.log(
      `  run ${run + 1} ${label[kind]}: edit p99 ${formatNumber(result.editAllPeers.p99Ms)} ms, ` +
        `server CPU ${formatNumber(result.serverCpuPercent)}%, lost ${result.lostDeliveries}` +
        (scaled ? `, relayed per instance ${measured.relayedPerInstance.join('/')}` : ''),
    );
    return measured;
  } catch (error) {
    // One side failing (e.g. the server refusing a join) is that side's failed check; the
    // other side's figures still count.
    const why = error instanceof Error ? error.message : String(error);
    options.log(`  run ${run + 1} ${label[kind]} failed: ${why}`);
    return { failed: { what: `${label[kind]} run ${run + 1}`, why } };
  } finally {
    options.log(`  other jobs: ${formatNumber(otherCpuPercent(before, cpuSnapshot(server)))}%`);
    await server.stop();
  }
}

async function replayOn(
  kind: 'sqlite' | 'postgres',
  run: number,
  options: SuiteOptions,
  replay: (server: ServerUnderTest, guide: GuideSetup) => ReturnType<typeof replaySequential>,
): Promise<ReplayRun | { failed: { what: string; why: string } }> {
  const server = await start(label[kind], options, () =>
    kind === 'sqlite'
      ? startDraftroom(unthrottledEnv)
      : startOnPostgres(unthrottledEnv, { instances: 1, redis: false }),
  );
  if ('failed' in server) return server;
  try {
    // People join before timing starts; the sampler then covers the replay alone.
    const [guide] = (await server.setUpGuides(['Trace replay'], 2)).guides as [GuideSetup];
    const database = kind === 'postgres' ? (server as PostgresServer).database.name : null;
    const sampler = database ? await BackendSampler.start(database, null, 500) : null;
    const before = cpuSnapshot(server);
    const missed = (what: string) => (error: unknown) => {
      options.log(`  run ${run + 1} ${label[kind]}: could not read ${what}: ${String(error)}`);
      return null;
    };
    const commits = await storeCommits(server).catch(missed('store commits before'));
    const result = await replay(server, guide);
    const end = await storeCommits(server).catch(missed('store commits after'));
    const store = commits && end ? commitRate(commits, end) : null;
    const other = otherCpuPercent(before, cpuSnapshot(server));
    const backends = sampler ? await sampler.stop().catch(missed('PostgreSQL after')) : null;
    options.log(
      `  run ${run + 1} ${label[kind]}: ${formatNumber(result.updatesPerSecond)} updates/s` +
        (backends ? `, ${formatNumber(backends.commitsPerSecond)} commits/s` : ''),
    );
    const backendCpu = backends
      ? backends.postgresBackendCpuPercent + backends.postgresBackgroundCpuPercent
      : 0;
    return { run, result, backends, store, otherCpuPercent: Math.max(0, other - backendCpu) };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    options.log(`  run ${run + 1} ${label[kind]} failed: ${why}`);
    return { failed: { what: `${label[kind]} run ${run + 1}`, why } };
  } finally {
    await server.stop();
  }
}
