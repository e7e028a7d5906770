// The server refuses to start on a database it cannot serve safely, saying what is wrong and
// what to do. Before these checks a read-only file started "ready" and then every edit looped
// on 1011, and a file with damaged pages started "ready" and answered 401 to valid sign-ins.
import Database from 'better-sqlite3';
import { chmodSync, closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom } from './helpers/hostileFrames.ts';
import { connectClient, whenSynced } from './helpers/clients.ts';
import { giveTo, nobody, startRefused } from './helpers/refusedStart.ts';
import { createGuide, startTestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';
import { onPostgres } from '../testing/index.ts';

const dataDirs: string[] = [];
afterEach(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A real database with a conference and a guide with text in it, the server stopped. */
async function databaseWithData(): Promise<{ dataDir: string; databasePath: string }> {
  const server = await startTestServer();
  dataDirs.push(server.dataDir);
  const guideId = await createGuide(server, 'Filled guide');
  const writer = connectClient(server, guideId);
  await whenSynced(writer);
  for (let paragraph = 0; paragraph < 40; paragraph++) {
    writer.text.insert(writer.text.length, `Paragraph ${paragraph}: ${'words '.repeat(200)}\n`);
  }
  const reader = connectClient(server, guideId);
  await whenSynced(reader);
  await waitFor(() => expect(reader.text.length).toBe(writer.text.length));
  writer.destroy();
  reader.destroy();
  await server.stop();
  return { dataDir: server.dataDir, databasePath: server.databasePath };
}

// SQLite only: these are about the database file (its mode, its pages). PostgreSQL's start-up
// checks (unreachable, missing database) are in persistence/postgres/openPostgresPersistence.test.ts.
describe.skipIf(onPostgres)('checks at start', () => {
  it('refuses a database file it cannot write, saying so', async () => {
    const { dataDir, databasePath } = await databaseWithData();
    // Root can write any file whatever its mode, so as root the server runs as `nobody`, who
    // owns the folder (SQLite may create its -wal and -shm there) but may only read the file.
    const runAs = process.getuid?.() === 0 ? nobody() : undefined;
    if (runAs) giveTo(dataDir, runAs);
    chmodSync(databasePath, 0o444);

    const refused = await startRefused({ DATABASE_URL: databasePath }, runAs);
    expect(refused.exitCode).toBe(1);
    expect(refused.output).toContain(`The database ${databasePath} cannot be written`);
    expect(refused.output).toContain('writable by the user that runs Draftroom');
    expect(refused.output).not.toContain('Draftroom is running');
  });

  it('refuses a database whose middle pages are damaged, saying to restore the backup', async () => {
    const { databasePath } = await databaseWithData();
    const pageSize = 4096;
    const pages = statSync(databasePath).size / pageSize;
    expect(pages).toBeGreaterThan(20);
    // Garbage over a run of pages in the middle; the header (page 1) stays intact, so SQLite
    // opens the file and only reading those pages shows the damage.
    const random = seededRandom(8);
    const file = openSync(databasePath, 'r+');
    for (let page = Math.floor(pages * 0.4); page < Math.floor(pages * 0.6); page++) {
      const garbage = Buffer.from(Array.from({ length: pageSize }, () => (random() * 256) | 0));
      writeSync(file, garbage, 0, pageSize, page * pageSize);
    }
    closeSync(file);
    // The damage is real: SQLite's own check reports it.
    const check = new Database(databasePath, { readonly: true });
    let verdict: unknown;
    try {
      verdict = check.pragma('quick_check', { simple: true });
    } catch (error) {
      verdict = (error as Error).message;
    }
    check.close();
    expect(verdict).not.toBe('ok');

    const refused = await startRefused({ DATABASE_URL: databasePath });
    expect(refused.exitCode).toBe(1);
    expect(refused.output).toContain(`The database ${databasePath} is damaged`);
    expect(refused.output).toContain('restore your latest backup');
    expect(refused.output).not.toContain('Draftroom is running');
  });
});
