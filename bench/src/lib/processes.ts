import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

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
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
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

export async function startDraftroom(env: Record<string, string> = {}): Promise<ServerUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'draftroom-bench-'));
  const { child, url } = await spawnAndWaitForUrl(['src/main.ts'], join(repoRoot, 'server'), {
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    DATABASE_URL: join(dataDir, 'draftroom.sqlite'),
    LOG_LEVEL: 'info',
    SEED_DEMO: 'false',
    ...env,
  });
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
      rmSync(dataDir, { recursive: true, force: true });
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
