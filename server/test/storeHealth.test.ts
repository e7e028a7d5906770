// /readyz turns 503 while the database refuses writes, says why, and turns 200 again once a write
// succeeds. Nothing in the server is mocked or hooked: the kernel refuses the writes. With
// `prlimit` the test lowers the running server's RLIMIT_FSIZE (the largest file it may write) to
// 0, so every write to the database, its WAL included, fails with EFBIG as on a full disk or an
// exhausted quota (Node ignores SIGXFSZ); then it puts the limit back.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeCodes } from '@draftroom/shared';
import { freePort, spawnServer, type ChildServer } from './helpers/childServer.ts';
import { connectClient, whenSynced, type HonestClient } from './helpers/clients.ts';
import { createGuide } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';
import {
  onPostgres,
  queryTestDatabase,
  removeTestData,
  testDatabaseUrl,
  testPostgresUrl,
} from '../testing/index.ts';
import pg from 'pg';

/** The soft file-size limit of a process, as prlimit prints it ("unlimited" or bytes). */
const fileSizeLimit = (pid: number) =>
  execFileSync(
    'prlimit',
    ['--pid', String(pid), '--fsize', '--raw', '--noheadings', '-o', 'SOFT'],
    {
      encoding: 'utf8',
    },
  ).trim();

const setFileSizeLimit = (pid: number, soft: string) =>
  execFileSync('prlimit', ['--pid', String(pid), `--fsize=${soft}:`]);

async function readiness(url: string) {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

// SQLite only: the kernel refuses writes to the server's own files; a PostgreSQL server's writes
// happen in another process, which this limit does not reach.
describe.skipIf(onPostgres)('readiness follows whether the database takes writes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'draftroom-store-health-'));
  const databasePath = join(dataDir, 'draftroom.sqlite');
  const clients: HonestClient[] = [];
  let server: ChildServer | undefined;

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const synced = async (target: ChildServer, guideId: string) => {
    const client = connectClient(target, guideId);
    clients.push(client);
    await whenSynced(client);
    return client;
  };

  it('is 503 with the reason while writes fail, and 200 again once they succeed', async () => {
    const port = await freePort();
    server = await spawnServer({
      port,
      databasePath,
      env: { SEED_DEMO: 'false', STORE_PROBE_INTERVAL_MS: '200' },
    });
    const pid = server.process.pid as number;
    const guideId = await createGuide(server, 'Disk trouble');
    const writer = await synced(server, guideId);
    const reader = await synced(server, guideId);
    writer.text.insert(0, 'stored;');
    await waitFor(() => expect(reader.text.toString()).toBe('stored;'));
    expect(await readiness(server.url)).toEqual({ status: 200, body: { status: 'ready' } });

    const original = fileSizeLimit(pid);
    setFileSizeLimit(pid, '0');
    try {
      writer.text.insert(writer.text.length, 'while refused;');
      await waitFor(async () =>
        expect(await readiness((server as ChildServer).url)).toMatchObject({
          status: 503,
          body: {
            status: 'not_ready',
            reason: 'storage_unwritable',
            message: expect.stringMatching(/^The database refuses writes: /),
          },
        }),
      );
      // The edit was not stored, so nobody saw it; its sender was told to resend (1011).
      await waitFor(() => expect(writer.closeEvents).toContain(closeCodes.internalError));
      expect(reader.text.toString()).toBe('stored;');
      expect(reader.closeEvents).toEqual([]);
      // The writer goes away, so from now on only the probe writes.
      writer.provider.disconnect();
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect((await readiness(server.url)).status).toBe(503);
    } finally {
      setFileSizeLimit(pid, original);
    }

    // The next probe (every 200 ms) finds writes working again.
    await waitFor(async () =>
      expect(await readiness((server as ChildServer).url)).toEqual({
        status: 200,
        body: { status: 'ready' },
      }),
    );
    // The writer comes back and resends its edit, which is stored and reaches the reader.
    writer.provider.connect();
    await waitFor(() => expect(reader.text.toString()).toBe('stored;while refused;'));

    // And it is stored for real: it survives kill -9.
    await server.kill('SIGKILL');
    server = await spawnServer({ port, databasePath, organiser: server.organiser });
    const afterCrash = await synced(server, guideId);
    expect(afterCrash.text.toString()).toBe('stored;while refused;');
  }, 60_000);
});

/** Runs `statement` as the test's PostgreSQL administrator (DRAFTROOM_TEST_POSTGRES_URL). */
async function asAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Makes the database refuse writes (or take them again) for every connection the server has
 * or will open: the default for new sessions changes, and the open ones are ended so the
 * server's pool reconnects under it.
 */
async function setReadOnly(databaseUrl: string, readOnly: boolean): Promise<void> {
  const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  await asAdmin(
    readOnly
      ? `ALTER DATABASE "${database}" SET default_transaction_read_only = on`
      : `ALTER DATABASE "${database}" RESET default_transaction_read_only`,
  );
  await asAdmin(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = '${database}' AND pid <> pg_backend_pid()`,
  );
}

// The same guarantee on PostgreSQL, where the database is another process: it is made to refuse
// writes (read-only sessions, as on a replica or after `default_transaction_read_only`), then to
// take them again.
describe.runIf(onPostgres)('readiness follows whether PostgreSQL takes writes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'draftroom-store-health-pg-'));
  const clients: HonestClient[] = [];
  let server: ChildServer | undefined;

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.kill();
    await removeTestData(dataDir);
  });

  it('is 503 with the reason while PostgreSQL refuses writes, and 200 again once it takes them', async () => {
    const databasePath = await testDatabaseUrl(dataDir);
    server = await spawnServer({
      port: await freePort(),
      databasePath,
      env: { SEED_DEMO: 'false', STORE_PROBE_INTERVAL_MS: '200' },
    });
    const guideId = await createGuide(server, 'Database trouble');
    const synced = async (target: ChildServer) => {
      const client = connectClient(target, guideId);
      clients.push(client);
      await whenSynced(client);
      return client;
    };
    const writer = await synced(server);
    const reader = await synced(server);
    writer.text.insert(0, 'stored;');
    await waitFor(() => expect(reader.text.toString()).toBe('stored;'));
    expect(await readiness(server.url)).toEqual({ status: 200, body: { status: 'ready' } });

    await setReadOnly(databasePath, true);
    try {
      writer.text.insert(writer.text.length, 'while refused;');
      await waitFor(async () =>
        expect(await readiness((server as ChildServer).url)).toMatchObject({
          status: 503,
          body: {
            status: 'not_ready',
            reason: 'storage_unwritable',
            message: expect.stringMatching(/^The database refuses writes: .*read-only/),
          },
        }),
      );
      // The edit was not stored, so nobody saw it; its sender was told to resend (1011).
      await waitFor(() => expect(writer.closeEvents).toContain(closeCodes.internalError));
      expect(reader.text.toString()).toBe('stored;');
      writer.provider.disconnect();
    } finally {
      await setReadOnly(databasePath, false);
    }

    await waitFor(async () =>
      expect(await readiness((server as ChildServer).url)).toEqual({
        status: 200,
        body: { status: 'ready' },
      }),
    );
    writer.provider.connect();
    await waitFor(() => expect(reader.text.toString()).toBe('stored;while refused;'));
    // Stored for real: the rows are in the database.
    await waitFor(async () => {
      const [row] = await queryTestDatabase<{ n: number }>(
        databasePath,
        'SELECT count(*) AS n FROM document_updates WHERE document_id = ?',
        [guideId],
      );
      expect(row?.n).toBeGreaterThanOrEqual(2);
    });
  }, 60_000);
});
