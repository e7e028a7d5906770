import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The server checkout under test: this repository's `server/` unless BENCH_SERVER_DIR names
 * another (e.g. a snapshot of a commit, while the working tree is being edited).
 */
export const serverDir = process.env.BENCH_SERVER_DIR ?? join(repoRoot, 'server');

/** A server under test, running as its own process as in production. */
export interface ServerUnderTest {
  name: 'draftroom' | 'baseline';
  url: string;
  pid: number;
  dataDir: string | null;
  /** The websocket URL for a document; Draftroom needs the document to exist as a guide. */
  documentUrl(documentId: string): string;
  /** Creates a document to write into and returns its id. */
  createDocument(title: string): Promise<string>;
  /** CPU seconds (user + system) used by the process so far. */
  cpuSeconds(): number;
  /** Resident memory in bytes. */
  rssBytes(): number;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function spawnAndWaitForUrl(
  args: string[],
  cwd: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    // The pipes must be drained for the whole life of the server (a full pipe would block its
    // logging), but only the tail is kept, so a long soak does not grow the bench's memory.
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-16_384));
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
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
      reject(new Error(`server exited with ${code}:\n${output}`));
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
   */
  dataDir?: string;
}

/**
 * Draftroom settings every scenario needs: the bench's clients all come from 127.0.0.1, where a
 * real conference's come from many addresses, so the per-address connection limit is lifted.
 * (Older servers ignore variables they do not know.)
 */
export const benchEnv: Record<string, string> = { MAX_CONNECTIONS_PER_IP: '1000000' };

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
 * Starts `server/src/main.ts` as its own process. With BENCH_PROFILE_DIR set, the server runs
 * under `node --cpu-prof` and writes a .cpuprofile there when it exits (SIGTERM, not SIGKILL).
 */
export async function startDraftroom(
  env: Record<string, string> = {},
  options: DraftroomOptions = {},
): Promise<ServerUnderTest> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'draftroom-bench-'));
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const { child, url } = await spawnAndWaitForUrl(
    ['src/main.ts'],
    serverDir,
    {
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      DATABASE_URL: sqlitePath(dataDir),
      LOG_LEVEL: 'info',
      SEED_DEMO: 'false',
      ...benchEnv,
      ...env,
    },
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  );
  const stop = stopper(child);
  return {
    name: 'draftroom',
    url,
    pid: child.pid as number,
    dataDir,
    documentUrl: (documentId) => `${url.replace(/^http/, 'ws')}/collab/${documentId}`,
    async createDocument(title) {
      const response = await fetch(`${url}/api/guides`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title }),
      });
      if (response.status !== 201) throw new Error(`creating a guide failed: ${response.status}`);
      return ((await response.json()) as { id: string }).id;
    },
    ...processStats(child.pid as number),
    async stop(signal) {
      await stop(signal);
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startBaseline(): Promise<ServerUnderTest> {
  const { child, url } = await spawnAndWaitForUrl(
    ['src/baseline/main.ts'],
    join(repoRoot, 'bench'),
    {
      PORT: String(await freePort()),
    },
  );
  let counter = 0;
  return {
    name: 'baseline',
    url,
    pid: child.pid as number,
    dataDir: null,
    documentUrl: (documentId) => `${url.replace(/^http/, 'ws')}/${documentId}`,
    createDocument: async () => `doc-${++counter}`,
    ...processStats(child.pid as number),
    stop: stopper(child),
  };
}
