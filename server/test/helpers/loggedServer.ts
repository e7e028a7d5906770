import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createDraftroomServer, type DraftroomServer } from '../../src/server.ts';
import { loadConfig } from '../../src/config/env.ts';
import { removeTestData, testDatabaseUrl } from '../../testing/index.ts';

export interface LogEntry {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

/** pino's numeric level for `error`: what an operator is paged for. */
export const errorLevel = 50;

export interface LoggedServer {
  server: DraftroomServer;
  url: string;
  /** The SQLite file, or the PostgreSQL database's URL. */
  databaseUrl: string;
  /** Every log line the server wrote, parsed, at debug level and above. */
  logs: LogEntry[];
  /** The lines at error level or above, as short strings for a readable failure. */
  errors(): string[];
  cleanup(): Promise<void>;
}

/**
 * A real server on port 0 that serves a small built client (an index.html and one asset) and
 * keeps its log lines, so a test can check what an operator would see.
 */
export async function startLoggedServer(env: Record<string, string> = {}): Promise<LoggedServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'draftroom-logged-'));
  const staticDir = join(dataDir, 'client');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Draftroom</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("app");');
  const databaseUrl = await testDatabaseUrl(dataDir);
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    SEED_DEMO: 'false',
    STATIC_DIR: staticDir,
    ...env,
  });
  const logs: LogEntry[] = [];
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => void logs.push(JSON.parse(line) as LogEntry) },
  );
  const server = await createDraftroomServer(config, logger);
  const url = await server.listen();
  return {
    server,
    url,
    databaseUrl,
    logs,
    errors: () =>
      logs
        .filter((entry) => entry.level >= errorLevel)
        .map((entry) => `${entry.msg ?? ''} ${JSON.stringify(entry.err ?? '')}`),
    async cleanup() {
      await server.close();
      await removeTestData(dataDir);
    },
  };
}

/**
 * Sends `head` (a request line and headers) exactly as written, which fetch and ws would
 * normalise or refuse, and resolves with the response's status, headers (lower-case names) and
 * body. The server must close the connection after answering (`Connection: close`, or a refusal).
 */
export function rawRequest(
  url: string,
  head: string,
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(head));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [top = '', ...bodyParts] = received.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = top.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({
        status: Number(statusLine.split(' ')[1] ?? 0),
        headers,
        body: bodyParts.join('\r\n\r\n'),
      });
    });
    socket.setTimeout(5_000, () => socket.destroy(new Error(`no answer to ${head}`)));
  });
}

/** The request head of a websocket upgrade to `target` (written as is, however malformed). */
export function upgradeHead(url: string, target: string): string {
  return (
    `GET ${target} HTTP/1.1\r\nHost: ${new URL(url).host}\r\nConnection: Upgrade\r\n` +
    'Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n' +
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n'
  );
}
