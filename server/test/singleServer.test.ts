// One server process per database file: two would each compact by deleting the rows up to
// their own last seq, deleting each other's edits. A second one refuses to start; the lock dies
// with its holder (kill -9 included); the command line still works next to a running server.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StartupError } from '../src/lib/startupError.ts';
import { freePort, spawnServer, type ChildServer } from './helpers/childServer.ts';
import { connectClient, whenSynced, type HonestClient } from './helpers/clients.ts';
import { giveTo, nobody, serverRoot, startRefused } from './helpers/refusedStart.ts';
import { createGuide, startTestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';
import { onPostgres } from '../testing/index.ts';

// SQLite only: on PostgreSQL several instances share the database by design (no lock; the
// document store's compaction is safe for several writers: documentStore.contract.test.ts).
describe.skipIf(onPostgres)('one server per database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'draftroom-single-'));
  const databasePath = join(dataDir, 'draftroom.sqlite');
  const servers: ChildServer[] = [];
  const clients: HonestClient[] = [];

  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const server of servers) await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const synced = async (server: ChildServer, guideId: string) => {
    const client = connectClient(server, guideId);
    clients.push(client);
    await whenSynced(client);
    return client;
  };

  it('refuses a second server process while the first keeps serving; after kill -9 one starts at once', async () => {
    const port = await freePort();
    const first = await spawnServer({ port, databasePath, env: { SEED_DEMO: 'false' } });
    servers.push(first);
    const guideId = await createGuide(first, 'One file, one server');
    const writer = await synced(first, guideId);
    writer.text.insert(0, 'before;');

    const refused = await startRefused({ DATABASE_URL: databasePath, SEED_DEMO: 'false' });
    expect(refused.exitCode).toBe(1);
    expect(refused.output).toContain(
      `Another Draftroom server is using the database ${databasePath}`,
    );
    expect(refused.output).toContain(`${databasePath}.lock`);
    expect(refused.output).not.toContain('Draftroom is running');

    // The first is untouched: ready, and edits still reach a newcomer.
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    writer.text.insert(writer.text.length, 'after;');
    const reader = await synced(first, guideId);
    await waitFor(() => expect(reader.text.toString()).toBe('before;after;'));

    // The command line is documented to run next to a running server, on the same file.
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'events'], {
      cwd: serverRoot,
      env: { ...process.env, DATABASE_URL: databasePath },
      encoding: 'utf8',
    });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/^\S+ {2}\d{4}-\d\d-\d\d…/);

    // A crash releases the lock with the process: the next server starts without waiting.
    await first.kill('SIGKILL');
    const next = await spawnServer({ port, databasePath, organiser: first.organiser });
    servers.push(next);
    const recovered = await synced(next, guideId);
    expect(recovered.text.toString()).toBe('before;after;');
  }, 60_000);

  it('refuses a second server in the same process, and starts once the first has stopped', async () => {
    const first = await startTestServer({ SEED_DEMO: 'false' });
    try {
      const second = startTestServer({ SEED_DEMO: 'false' }, first.dataDir, first.organiser);
      await expect(second).rejects.toThrow(StartupError);
      await expect(second).rejects.toMatchObject({ problem: 'database_in_use' });
      expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
      await first.stop();
      const restarted = await startTestServer(
        { SEED_DEMO: 'false' },
        first.dataDir,
        first.organiser,
      );
      await restarted.stop();
    } finally {
      await first.cleanup();
    }
  });

  // SQLite opens a file it may not write read-only, and BEGIN EXCLUSIVE then succeeds without
  // excluding anyone: such a lock file must stop the start, not be silently ignored.
  it('refuses to start when the lock file cannot be written', async () => {
    const server = await startTestServer({ SEED_DEMO: 'false' });
    await server.stop();
    const lockPath = `${server.databasePath}.lock`;
    const runAs = process.getuid?.() === 0 ? nobody() : undefined;
    if (runAs) {
      giveTo(server.dataDir, runAs);
      chownSync(lockPath, 0, 0); // left behind by root
    }
    chmodSync(lockPath, 0o444);
    try {
      const refused = await startRefused(
        { DATABASE_URL: server.databasePath, SEED_DEMO: 'false' },
        runAs,
      );
      expect(refused.exitCode).toBe(1);
      expect(refused.output).toContain(`Cannot lock ${lockPath}: this user may not write it.`);
    } finally {
      await server.cleanup();
    }
  });
});
