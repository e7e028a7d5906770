// `pnpm test:postgres` (the second half of `pnpm test:unit`): the server's storage tests again,
// each on a fresh PostgreSQL database of its own (server/testing/testDatabase.ts), every test
// server on one private Redis (startTestServer gives each its own key prefix). First checks
// that PostgreSQL answers and lets this user create databases, and says what to do if not;
// afterwards drops any database a crashed test left behind (named after this run).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { createServer, connect } from 'node:net';

// pg is the server's dependency, not the root's.
const pg = createRequire(new URL('../server/package.json', import.meta.url))('pg');

const adminUrl =
  process.env.DRAFTROOM_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Every server test that opens storage; not client, shared, bench or the PDF/export renderers. */
const storageTests = ['server/test', 'server/src/persistence', 'server/src/services/search'];
/**
 * Not again on PostgreSQL, to keep CI under 20 minutes: tests of what happens before or apart
 * from the database, the same code on either. The two fuzzers (about 400 s of the pass) and the
 * malformed-frame tests check frames and updates before anything is stored; the others test
 * proxies' addresses, headers, upgrades, message rates, presence relaying, and the export
 * renderers (which read guides through the same document host as everything else).
 */
const notAgain = [
  'server/test/fuzz.test.ts',
  'server/test/fuzzSeeds.test.ts',
  'server/test/badInput.test.ts',
  'server/test/malformedPaths.test.ts',
  'server/test/clientAddress.test.ts',
  'server/test/securityHeaders.test.ts',
  'server/test/upgrade.test.ts',
  'server/test/limits.test.ts',
  'server/test/presence.test.ts',
  'server/test/presenceOwnership.test.ts',
  'server/test/presenceColours.test.ts',
  'server/test/exports.test.ts',
  'server/test/exportsHostile.test.ts',
];

function shown(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(DRAFTROOM_TEST_POSTGRES_URL is not a URL)';
  }
}

async function withAdmin(work) {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function preflight() {
  let canCreate;
  try {
    canCreate = await withAdmin(async (client) => {
      const { rows } = await client.query(
        'SELECT rolcreatedb OR rolsuper AS can FROM pg_roles WHERE rolname = current_user',
      );
      return rows[0]?.can === true;
    });
  } catch (error) {
    console.error(
      `PostgreSQL is not reachable at ${shown(adminUrl)}: ${error.message}.\n` +
        'The storage tests also run on PostgreSQL (15 or newer). Start it with ' +
        '`sudo service postgresql start` (Debian: `sudo apt-get install postgresql` first, and ' +
        'allow local connections for the user, e.g. trust for 127.0.0.1 in pg_hba.conf), or ' +
        '`docker run -d -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:15`; or point ' +
        'DRAFTROOM_TEST_POSTGRES_URL at a server whose user may create databases.',
    );
    process.exit(1);
  }
  if (!canCreate) {
    console.error(
      `PostgreSQL at ${shown(adminUrl)} answers, but its user may not create databases, and ` +
        'every test makes its own. Grant it (ALTER ROLE … CREATEDB) or set ' +
        'DRAFTROOM_TEST_POSTGRES_URL to a user who may.',
    );
    process.exit(1);
  }
}

async function dropLeftovers(runId) {
  await withAdmin(async (client) => {
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `draftroom_test_${runId}_%`,
    ]);
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    if (rows.length > 0) console.log(`dropped ${rows.length} test database(s) left behind`);
  });
}

const redisExecutable = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

function redisServerPresent() {
  const executable = redisExecutable;
  const probe = spawnSync(executable, ['--version'], { encoding: 'utf8' });
  if (probe.status === 0) return;
  console.error(
    `Redis is not installed at ${executable}: the scale-out tests start their own redis-server ` +
      'to kill and restart it. Install it with `sudo apt-get install redis-server` (Debian), or ' +
      'set REDIS_SERVER to its path.',
  );
  process.exit(1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The Redis every test server of this run uses (each with a key prefix of its own, so they stay
 * apart as deployments sharing one Redis do): a private redis-server on a free port, keeping
 * nothing on disk, stopped when the run ends. The scale-out tests start their own besides, to
 * kill and restart.
 */
async function startRunRedis() {
  const port = await freePort();
  const child = spawn(
    redisExecutable,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  child.once('error', () => {});
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode})`);
    const answered = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => socket.end(() => resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (answered) return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGKILL') };
    if (Date.now() > deadline) throw new Error(`redis-server on ${port} did not answer`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

await preflight();
redisServerPresent();
const runId = randomBytes(4).toString('hex');
const redis = await startRunRedis();
const started = Date.now();
const vitest = spawnSync(
  'pnpm',
  [
    'exec',
    'vitest',
    'run',
    ...storageTests,
    ...notAgain.flatMap((file) => ['--exclude', file]),
    ...process.argv.slice(2),
  ],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      DRAFTROOM_TEST_BACKEND: 'postgres',
      DRAFTROOM_TEST_RUN_ID: runId,
      DRAFTROOM_TEST_REDIS_URL: redis.url,
    },
  },
);
console.log(`tests on PostgreSQL + Redis: ${Math.round((Date.now() - started) / 1000)} s`);
redis.stop();
await dropLeftovers(runId);
process.exit(vitest.status ?? 1);
