import {
  ApiClient,
  createPostgresTestDatabase,
  dropPostgresTestDatabase,
  freePort,
  spawnServerProcess,
  startRedisProcess,
  type RedisProcess,
  type ServerProcessHandle,
} from '../../testing/index.ts';

/** One server process of several sharing a PostgreSQL database and a Redis. */
export interface Instance {
  url: string;
  wsUrl: string;
  handle: ServerProcessHandle;
  /** Like a crash (SIGKILL). */
  kill(): Promise<void>;
}

/**
 * Several Draftroom instances, each its own process as `pnpm start` runs it, on a fresh
 * PostgreSQL database and a private redis-server (so a test can kill Redis and start it again).
 * The first instance seeds the demo and prints the organiser's link; the organiser joins there
 * and the same cookie is good on every instance (sign-ins are stored, not held by a process).
 */
export interface Instances {
  /** The PostgreSQL database's URL. */
  databaseUrl: string;
  redis: RedisProcess;
  organiser: ApiClient;
  all: Instance[];
  /** Starts one more instance on the same database and Redis. */
  add(env?: Record<string, string>): Promise<Instance>;
  close(): Promise<void>;
}

export async function startInstances(
  count: number,
  env: Record<string, string> = {},
): Promise<Instances> {
  const databaseUrl = await createPostgresTestDatabase();
  const redis = await startRedisProcess();
  const all: Instance[] = [];
  const add = async (extra: Record<string, string> = {}) => {
    const handle = await spawnServerProcess({
      env: {
        PORT: String(await freePort()),
        DATABASE_URL: databaseUrl,
        REDIS_URL: redis.url,
        ...env,
        ...extra,
      },
    });
    const instance: Instance = {
      url: handle.url,
      wsUrl: handle.wsUrl,
      handle,
      kill: () => handle.kill('SIGKILL'),
    };
    all.push(instance);
    return instance;
  };
  try {
    const first = await add();
    const link = first.handle.links.find((printed) => printed.role === 'organiser');
    if (!link) throw new Error(`no organiser link printed:\n${first.handle.output()}`);
    const organiser = await ApiClient.join(first.url, link.joinUrl);
    for (let index = 1; index < count; index++) await add();
    return {
      databaseUrl,
      redis,
      organiser,
      all,
      add,
      async close() {
        await Promise.all(all.map((instance) => instance.handle.kill('SIGTERM')));
        await redis.kill();
        await dropPostgresTestDatabase(databaseUrl);
      },
    };
  } catch (error) {
    await Promise.all(all.map((instance) => instance.kill()));
    await redis.kill();
    await dropPostgresTestDatabase(databaseUrl);
    throw error;
  }
}
