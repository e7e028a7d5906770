import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDraftroomServer, type DraftroomServer } from '../../src/server.ts';
import { loadConfig } from '../../src/config/env.ts';
import { createLogger } from '../../src/lib/logger.ts';

export interface TestServer {
  server: DraftroomServer;
  url: string;
  wsUrl: string;
  dataDir: string;
  databasePath: string;
  /** Gracefully stops the server; the data directory stays until `cleanup`. */
  stop(): Promise<void>;
  /** Stops (if running) and deletes the data directory. */
  cleanup(): Promise<void>;
}

/**
 * A real server on port 0 with its own SQLite file in a temporary directory.
 * `env` overrides configuration exactly as the environment would.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(join(tmpdir(), 'draftroom-test-')),
): Promise<TestServer> {
  const databasePath = join(dataDir, 'draftroom.sqlite');
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databasePath,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  const server = await createDraftroomServer(config, createLogger(config.LOG_LEVEL));
  const url = await server.listen();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.close();
  };
  return {
    server,
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}/collab`,
    dataDir,
    databasePath,
    stop,
    async cleanup() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates a guide through the API, as the client does, and returns its id. */
export async function createGuide(baseUrl: string, title = 'Test guide'): Promise<string> {
  const response = await fetch(`${baseUrl}/api/guides`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (response.status !== 201) throw new Error(`creating a guide failed: ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}
