import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ApiClient,
  createGuide as createGuideThroughApi,
  removeTestData,
  testDatabaseUrl,
  testRedisUrl,
} from '../../testing/index.ts';
import { createDraftroomServer, type DraftroomServer, type ServerParts } from '../../src/server.ts';
import { loadConfig } from '../../src/config/env.ts';
import { createLogger } from '../../src/lib/logger.ts';

export interface TestServer {
  server: DraftroomServer;
  url: string;
  wsUrl: string;
  dataDir: string;
  /** The SQLite file, or with DRAFTROOM_TEST_BACKEND=postgres the database's URL. */
  databasePath: string;
  /** The organiser, signed in through the first-start link like a person would be. */
  organiser: ApiClient;
  /** The organiser's session cookie, for websocket clients. */
  cookie: string;
  /** Gracefully stops the server; the data directory stays until `cleanup`. */
  stop(): Promise<void>;
  /** Stops (if running) and deletes the data directory. */
  cleanup(): Promise<void>;
}

/**
 * A real server on port 0 with its own database (a SQLite file in a temporary directory, or a
 * fresh PostgreSQL database: testing/testDatabase.ts) and, in the PostgreSQL + Redis run, the
 * run's Redis; its organiser signed in. `env` overrides configuration exactly as the environment
 * would.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(join(tmpdir(), 'draftroom-test-')),
  /** On a restart over the same data, the organiser who joined before (their sign-in is stored). */
  signedIn?: ApiClient,
  /** Parts put in place of what the environment would choose (a mail sender that is configured). */
  parts: ServerParts = {},
): Promise<TestServer> {
  const databasePath = await testDatabaseUrl(dataDir);
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databasePath,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // In the PostgreSQL + Redis run, live events, relaying and limits go through Redis as on
    // several instances; each server keeps to its own keys, as a deployment of its own would.
    // A test that brings its own Redis (several instances on one) keeps the default prefix.
    ...(testRedisUrl && !env.REDIS_URL
      ? { REDIS_URL: testRedisUrl, REDIS_PREFIX: `test-${randomBytes(6).toString('hex')}:` }
      : {}),
    ...env,
  });
  const server = await createDraftroomServer(config, createLogger(config.LOG_LEVEL), parts);
  const url = await server.listen();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.close();
  };
  const organiserLink = server.startupLinks.find((link) => link.role === 'organiser');
  if (!organiserLink && !signedIn) {
    throw new Error('no organiser link: this data directory was used before; pass its organiser');
  }
  const organiser = organiserLink
    ? await ApiClient.join(url, organiserLink.joinPath)
    : (signedIn as ApiClient).at(url);
  return {
    server,
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}/collab`,
    dataDir,
    databasePath,
    organiser,
    cookie: organiser.cookie,
    stop,
    async cleanup() {
      await stop();
      await removeTestData(dataDir);
    },
  };
}

/** Creates a session and a group through the API, as an organiser does; returns the guide id. */
export async function createGuide(
  server: { organiser: ApiClient },
  title = 'Test guide',
): Promise<string> {
  return (await createGuideThroughApi(server.organiser, title)).guideId;
}
