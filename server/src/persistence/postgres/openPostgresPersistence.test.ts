// Starting on a PostgreSQL that is not there, or a database that does not exist, stops with a
// StartupError that says what to check, and never repeats the URL's password.
import { describe, expect, it } from 'vitest';
import { onPostgres, testPostgresUrl } from '../../../testing/index.ts';
import { freePort } from '../../../testing/index.ts';
import { createLogger } from '../../lib/logger.ts';
import { StartupError } from '../../lib/startupError.ts';
import { openPersistence } from '../index.ts';

const asServer = { logger: createLogger('silent'), probeIntervalMs: 1000 };

async function refusal(url: string): Promise<StartupError> {
  const error: unknown = await openPersistence(url, undefined, asServer).then(
    (persistence) => persistence.close().then(() => new Error('it started')),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StartupError);
  return error as StartupError;
}

describe('opening PostgreSQL', () => {
  it('refuses to start when nothing answers, naming the address without its password', async () => {
    // A port nobody listens on (just freed).
    const port = await freePort();
    const error = await refusal(`postgres://draftroom:hunter2@127.0.0.1:${port}/draftroom`);
    expect(error.problem).toBe('database_unreachable');
    expect(error.message).toContain(
      `PostgreSQL is not reachable at postgres://draftroom:***@127.0.0.1:${port}/draftroom`,
    );
    expect(error.message).not.toContain('hunter2');
  });

  it.runIf(onPostgres)('refuses to start on a database that does not exist', async () => {
    const url = new URL(testPostgresUrl);
    url.pathname = '/draftroom_test_no_such_database';
    url.password = 'hunter2';
    const error = await refusal(url.toString());
    expect(error.problem).toBe('database_unreachable');
    expect(error.message).toContain('draftroom_test_no_such_database');
    expect(error.message).not.toContain('hunter2');
  });
});
