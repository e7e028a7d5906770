import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as workspaceKit from '@draftroom/server/testing';
import { ApiClient, freePort, sampleProfile } from '@draftroom/server/testing';
import type { BenchClient, BenchClientOptions } from './benchClient.ts';
import { HocuspocusClient } from './hocuspocusClient.ts';
import { anonymous, setUpGuidesAsOrganiser, type GuidesSetup } from './people.ts';
import { ProtocolClient } from './protocolClient.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The server checkout under test: this repository's `server/` unless BENCH_SERVER_DIR names
 * another (e.g. a snapshot of a commit, while the working tree is being edited).
 */
export const serverDir = process.env.BENCH_SERVER_DIR ?? join(repoRoot, 'server');

/** A server under test, running as its own process as in production. */
export type ServerName = 'draftroom' | 'baseline' | 'hocuspocus';

export interface ServerUnderTest {
  name: ServerName;
  url: string;
  pid: number;
  dataDir: string | null;
  /** A simulated person's connection to a document, in this server's protocol. */
  client(documentId: string, options?: BenchClientOptions): BenchClient;
  /**
   * One guide per name, each with `peoplePerGuide` people who may open it. Draftroom: set up by
   * the organiser through the API, and every person joins with their group's invite link (see
   * `setUpGuidesAsOrganiser`). The baseline has no sign-in: names of rooms, and nobody to join.
   */
  setUpGuides(
    names: string[],
    peoplePerGuide: number,
    log?: (message: string) => void,
  ): Promise<GuidesSetup>;
  /** CPU seconds (user + system) used by the process so far. */
  cpuSeconds(): number;
  /** Resident memory in bytes. */
  rssBytes(): number;
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Draftroom only: the event's organiser, signed in through the API (for API scenarios). */
  organiser?(): Promise<ApiClient>;
}

/**
 * The testing kit (`@draftroom/server/testing`) of the server under test: it starts that
 * checkout's `src/main.ts`, so with BENCH_SERVER_DIR the snapshot's own kit is used.
 */
async function serverKit(): Promise<typeof workspaceKit> {
  if (!process.env.BENCH_SERVER_DIR) return workspaceKit;
  return (await import(
    pathToFileURL(join(serverDir, 'testing/index.ts')).href
  )) as typeof workspaceKit;
}

/**
 * A comparison server's process (the baseline relay, Hocuspocus): started here, since the kit
 * only knows Draftroom's. It prints a JSON line with its `url` once it listens.
 */
function spawnComparison(
  name: string,
  script: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: join(repoRoot, 'bench'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    // The pipes must be drained for the whole life of the relay, but only the tail is kept.
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-16_384));
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${output}`)), 30_000);
    let started = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      keep(chunk);
      if (started) return;
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (match?.[1]) {
        started = true;
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.stderr?.on('data', keep);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${output}`));
    });
  });
}

function processStats(pid: number) {
  return {
    cpuSeconds() {
      // /proc/<pid>/stat fields 14 and 15: utime and stime in clock ticks (100 per second here).
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    rssBytes() {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return Number(match?.[1] ?? 0) * 1024;
    },
  };
}

function stopper(child: ChildProcess) {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
}

export interface DraftroomOptions {
  /**
   * Keep the SQLite file here instead of a fresh temporary directory, so a later process can
   * start on the same data (a restart). The caller owns the directory: stop() leaves it.
   * A restarted server prints no join link: only people who joined before (their cookies are
   * stored sign-ins) can open its guides, and `setUpGuides` refuses.
   */
  dataDir?: string;
}

/**
 * Draftroom settings every scenario needs. The bench's clients all come from 127.0.0.1, where a
 * real conference's come from many addresses, so the per-address limits are lifted: open
 * connections, and joins (invite link → session cookie; 1,000 people join before a conference
 * run, where the default allows 30 a minute from one address). SEED_DEMO=false: an empty event,
 * whose single-use organiser link the first start prints. (Older servers ignore variables they
 * do not know.)
 */
export const benchEnv: Record<string, string> = {
  MAX_CONNECTIONS_PER_IP: '1000000',
  JOIN_RATE_LIMIT_PER_MINUTE: '1000000',
  SEED_DEMO: 'false',
};

/**
 * For throughput scenarios only (trace replay, seeding a stored history): one writer replays a
 * whole trace as fast as the server takes it, which the per-connection message rate limit (made
 * for people typing) would rightly stop.
 */
export const unthrottledEnv: Record<string, string> = {
  RATE_LIMIT_MESSAGES_PER_SECOND: '10000000',
  RATE_LIMIT_BURST: '100000000',
};

/** The SQLite file of a Draftroom data directory. */
export const sqlitePath = (dataDir: string) => join(dataDir, 'draftroom.sqlite');

/**
 * Starts `server/src/main.ts` as its own process, with the testing kit's `spawnServerProcess`.
 * With BENCH_PROFILE_DIR set, the server runs under `node --cpu-prof` and writes a .cpuprofile
 * there when it exits (SIGTERM, not SIGKILL).
 */
export async function startDraftroom(
  env: Record<string, string> = {},
  options: DraftroomOptions = {},
): Promise<ServerUnderTest> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'draftroom-bench-'));
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const kit = await serverKit();
  const handle = await kit.spawnServerProcess({
    env: {
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      DATABASE_URL: sqlitePath(dataDir),
      LOG_LEVEL: 'info',
      ...benchEnv,
      ...env,
    },
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });
  const { url } = handle;
  const pid = handle.process.pid as number;
  // The organiser signs in once per server, with the link its first start printed (one use).
  let organiser: Promise<ApiClient> | null = null;
  const signInOrganiser = () => {
    const link = handle.links.find((printed) => printed.role === 'organiser');
    if (!link) {
      throw new Error(
        'this Draftroom start printed no organiser link (started on existing data?), so nobody can set up guides',
      );
    }
    return ApiClient.join(url, link.joinUrl, sampleProfile({ displayName: 'Bench organiser' }));
  };
  return {
    name: 'draftroom',
    url,
    pid,
    dataDir,
    client: (documentId, clientOptions) =>
      new ProtocolClient(`${handle.wsUrl}/${documentId}`, clientOptions),
    async setUpGuides(names, peoplePerGuide, log) {
      organiser ??= signInOrganiser();
      return setUpGuidesAsOrganiser(await organiser, names, peoplePerGuide, log);
    },
    organiser: () => (organiser ??= signInOrganiser()),
    ...processStats(pid),
    async stop(signal = 'SIGTERM') {
      await handle.kill(signal);
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The baseline relay: no sign-in, no setup; a room exists as soon as someone opens it. */
export async function startBaseline(): Promise<ServerUnderTest> {
  const { child, url } = await spawnComparison('baseline', 'src/baseline/main.ts', {
    PORT: String(await freePort()),
  });
  const wsUrl = url.replace(/^http/, 'ws');
  return {
    name: 'baseline',
    url,
    pid: child.pid as number,
    dataDir: null,
    client: (documentId, options) => new ProtocolClient(`${wsUrl}/${documentId}`, options),
    setUpGuides: anonymousGuides(),
    ...processStats(child.pid as number),
    stop: stopper(child),
  };
}

/**
 * Hocuspocus 3.4 with its SQLite extension (`bench/src/hocuspocus/main.ts`), driven by its own
 * provider. Like the baseline it has no sign-in. With `dataDir`, its SQLite file stays there for
 * a restart (the caller owns the directory).
 */
export async function startHocuspocus(
  options: { dataDir?: string } = {},
): Promise<ServerUnderTest> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'draftroom-hocuspocus-'));
  const { child, url } = await spawnComparison('hocuspocus', 'src/hocuspocus/main.ts', {
    PORT: String(await freePort()),
    DATABASE: join(dataDir, 'hocuspocus.sqlite'),
  });
  const wsUrl = url.replace(/^http/, 'ws');
  const stop = stopper(child);
  return {
    name: 'hocuspocus',
    url,
    pid: child.pid as number,
    dataDir,
    client: (documentId, clientOptions) => new HocuspocusClient(wsUrl, documentId, clientOptions),
    setUpGuides: anonymousGuides(),
    ...processStats(child.pid as number),
    async stop(signal = 'SIGTERM') {
      await stop(signal);
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Servers without sign-in: guides are names, and nobody has to join. */
function anonymousGuides(): ServerUnderTest['setUpGuides'] {
  let counter = 0;
  return async (names, peoplePerGuide) => ({
    organiser: anonymous('Organiser'),
    guides: names.map((name) => ({
      name,
      documentId: `doc-${++counter}`,
      people: Array.from({ length: peoplePerGuide }, (_, slot) =>
        anonymous(`${name} · participant ${slot + 1}`),
      ),
    })),
  });
}
