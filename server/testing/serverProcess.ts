import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serverRoot = fileURLToPath(new URL('..', import.meta.url));

/** A join link printed at first start, as read from the server's log. */
export interface PrintedLink {
  role: string;
  scope: string;
  joinUrl: string;
}

export interface ServerProcessHandle {
  process: ChildProcess;
  url: string;
  wsUrl: string;
  /** The join links this start printed (first start only). */
  links: PrintedLink[];
  /** Everything the process wrote so far. */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts the server as its own process, exactly as `pnpm start` does (so it can be killed like a
 * crash), and waits for the "running" log line. The join links of a first start are printed
 * before that line, so they are all here when this resolves.
 */
/** The server process ended before it was running (refused to start, or crashed at start). */
export class ServerExitedError extends Error {
  constructor(
    readonly exitCode: number | null,
    readonly output: string,
  ) {
    super(`server exited with ${exitCode}:\n${output}`);
    this.name = 'ServerExitedError';
  }
}

export async function spawnServerProcess(options: {
  env: Record<string, string>;
  nodeArgs?: string[];
  timeoutMs?: number;
  /** Run as another user (the test runner must be root), e.g. to meet a read-only file. */
  uid?: number;
  gid?: number;
}): Promise<ServerProcessHandle> {
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', 'src/main.ts'],
    {
      cwd: serverRoot,
      env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'info', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      uid: options.uid,
      gid: options.gid,
    },
  );
  let output = '';
  const links: PrintedLink[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running behind the test that gave up on it.
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${output}`));
    }, options.timeoutMs ?? 30_000);
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const record = parseLogLine(line);
        if (!record) continue;
        if (typeof record.joinUrl === 'string') {
          links.push({
            role: String(record.role),
            scope: String(record.scope),
            joinUrl: record.joinUrl,
          });
        }
        if (typeof record.url === 'string' && record.category === 'startup') {
          clearTimeout(timer);
          resolve(record.url);
        }
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new ServerExitedError(code, output));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}/collab`,
    links,
    output: () => output,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

function parseLogLine(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
