import { startRedisProcess, type RedisProcess } from '@draftroom/server/testing';
import { fetchMetrics } from './promMetrics.ts';
import { createBenchDatabase, type BenchDatabase } from './postgresAdmin.ts';
import { startDraftroom, type ServerUnderTest } from './processes.ts';

/**
 * Draftroom on PostgreSQL, as one or several instances (each its own process, as `pnpm start`
 * runs it) sharing a fresh database and, when there are several, a private redis-server that
 * carries live traffic between them. To the scenarios it is one server under test:
 * - its people are split across the instances by client: client k goes to instance k mod n, so
 *   with two instances every guide has people on both, and every edit reaches half its peers
 *   through the other instance (PostgreSQL, then Redis);
 * - guides are set up, and people join, through the first instance (the organiser's link is
 *   printed by the first start only; sign-ins are stored, so a cookie is good on every instance);
 * - its CPU and memory are those of its Node processes summed. PostgreSQL's and Redis' own are
 *   not in them: `BackendSampler` measures those beside.
 */
export interface PostgresServer extends ServerUnderTest {
  database: BenchDatabase;
  redis: RedisProcess | null;
  instances: ServerUnderTest[];
  /** Each instance's Prometheus counter `name` (NaN where an instance does not export it). */
  counterPerInstance(name: string): Promise<number[]>;
}

export async function startOnPostgres(
  env: Record<string, string>,
  options: { instances: number; redis: boolean },
): Promise<PostgresServer> {
  const database = await createBenchDatabase();
  let redis: RedisProcess | null = null;
  const instances: ServerUnderTest[] = [];
  const stopAll = async () => {
    await Promise.allSettled(instances.map((instance) => instance.stop()));
    await redis?.kill();
    await database.drop();
  };
  try {
    if (options.redis) redis = await startRedisProcess();
    const shared = {
      ...env,
      DATABASE_URL: database.url,
      ...(redis ? { REDIS_URL: redis.url } : {}),
    };
    // One after the other: the first migrates the empty database and creates the event; the
    // others start on what it made, as instances added behind a load balancer do.
    for (let index = 0; index < options.instances; index++) {
      instances.push(await startDraftroom(shared));
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  const [first] = instances as [ServerUnderTest];
  let unassigned = 0;
  const sum = (read: (instance: ServerUnderTest) => number) =>
    instances.reduce((total, instance) => total + read(instance), 0);
  return {
    name: 'draftroom',
    url: first.url,
    pid: first.pid,
    dataDir: null,
    database,
    redis,
    instances,
    client(documentId, clientOptions) {
      const index = clientOptions?.clientId ?? unassigned++;
      return (instances[index % instances.length] as ServerUnderTest).client(
        documentId,
        clientOptions,
      );
    },
    setUpGuides: (names, peoplePerGuide, log) => first.setUpGuides(names, peoplePerGuide, log),
    organiser: () => (first.organiser as NonNullable<ServerUnderTest['organiser']>)(),
    cpuSeconds: () => sum((instance) => instance.cpuSeconds()),
    rssBytes: () => sum((instance) => instance.rssBytes()),
    counterPerInstance: (name) =>
      Promise.all(
        instances.map(async (instance) => {
          try {
            return (await fetchMetrics(instance.url, 30_000)).value(name);
          } catch {
            return Number.NaN;
          }
        }),
      ),
    stop: stopAll,
  };
}

/**
 * Why a server did not start, in a line or two: the errors it logged (its JSON log lines, or
 * the last lines it wrote), not its whole output.
 */
export function startFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n').filter((line) => line.trim().length > 0);
  const logged = lines.flatMap((line) => {
    try {
      const record = JSON.parse(line) as Record<string, unknown>;
      const level = record.level;
      return level === 'error' || level === 'fatal' || (typeof level === 'number' && level >= 50)
        ? [String(record.msg ?? record.message ?? line)]
        : [];
    } catch {
      return [];
    }
  });
  const plain = lines.filter((line) => !line.startsWith('{'));
  const picked = logged.length > 0 ? logged : plain.slice(-3);
  return picked.join(' | ').slice(0, 500);
}

/** The document store's group commits so far (every instance's), from Draftroom's /metrics. */
export interface StoreCommits {
  at: number;
  /** Batches committed: one transaction each. */
  batches: number;
  /** Updates stored in them. */
  updates: number;
  /** Time spent committing them (the store's own timing of each batch), in seconds. */
  seconds: number;
}

export async function storeCommits(server: ServerUnderTest): Promise<StoreCommits> {
  const urls =
    'instances' in server ? (server as PostgresServer).instances.map((i) => i.url) : [server.url];
  const at = performance.now();
  let batches = 0;
  let updates = 0;
  let seconds = 0;
  for (const url of urls) {
    // Generous: under the full load a server may take seconds to answer.
    const metrics = await fetchMetrics(url, 30_000);
    batches += metrics.value('draftroom_persist_batch_updates_count');
    updates += metrics.value('draftroom_persist_batch_updates_sum');
    seconds += metrics.value('draftroom_persist_duration_seconds_sum');
  }
  return { at, batches, updates, seconds };
}

/**
 * Group commits per second between two readings, updates per commit, and the mean time a commit
 * took (a store commits one batch at a time per instance, so this bounds its commits per second).
 */
export function commitRate(
  before: StoreCommits,
  after: StoreCommits,
): { commitsPerSecond: number; updatesPerCommit: number | null; commitMs: number | null } {
  const batches = after.batches - before.batches;
  return {
    commitsPerSecond: batches / ((after.at - before.at) / 1000),
    updatesPerCommit: batches > 0 ? (after.updates - before.updates) / batches : null,
    commitMs: batches > 0 ? (1000 * (after.seconds - before.seconds)) / batches : null,
  };
}
