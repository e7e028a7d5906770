// The store is unhealthy only when a failed write is confirmed by a probe, and healthy again as
// soon as a write succeeds. (The end-to-end test, with the kernel refusing real writes, is
// server/test/storeHealth.test.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../lib/logger.ts';
import { StoreHealth } from './storeHealth.ts';

describe('StoreHealth', () => {
  let health: StoreHealth | undefined;
  afterEach(() => health?.stop());

  it('does not turn unhealthy for one failed write that a probe does not confirm', async () => {
    let probes = 0;
    health = new StoreHealth(() => void probes++, 10, createLogger('silent'));
    await health.writeFailed(new Error('constraint failed'));
    expect(probes).toBe(1);
    expect(health.problem).toBeUndefined();
  });

  it('stays unhealthy while probes fail, and recovers by itself when one succeeds', async () => {
    let writable = false;
    health = new StoreHealth(
      () => {
        if (!writable) throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
      },
      10,
      createLogger('silent'),
    );
    await health.writeFailed(new Error('disk I/O error'));
    expect(health.problem).toMatchObject({
      reason: 'storage_unwritable',
      message: 'The database refuses writes: disk I/O error (SQLITE_IOERR)',
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(health.problem).toBeDefined();
    writable = true;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(health.problem).toBeUndefined();
  });
});
