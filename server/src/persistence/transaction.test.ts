// Persistence.transaction runs count-then-write transactions one after another in effect, on
// both databases: SQLite has one connection; PostgreSQL runs them SERIALIZABLE and runs again
// the ones that collided. The services rely on it (at most 50 comment threads per guide, a
// group's seats), so many at once must not pass a limit together.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTestData, testBackend, testDatabaseUrl } from '../../testing/index.ts';
import { openPersistence, type Persistence } from './index.ts';

describe(`Persistence.transaction (${testBackend})`, () => {
  let dataDir: string;
  const opened: Persistence[] = [];
  afterEach(async () => {
    for (const persistence of opened.splice(0)) await persistence.close();
    await removeTestData(dataDir);
  });

  it('lets no two count-then-insert transactions pass a limit together', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'draftroom-transaction-'));
    const url = await testDatabaseUrl(dataDir);
    // Two instances on PostgreSQL (two pools); on SQLite one is all there may be.
    const first = await openPersistence(url);
    opened.push(first);
    const instances = [first];
    if (testBackend === 'postgres') {
      const second = await openPersistence(url);
      opened.push(second);
      instances.push(second);
    }
    const at = new Date().toISOString();
    await first.repositories.guides.create({ id: 'g', title: 'Guide', createdAt: at });
    const limit = 3;
    const tries = Array.from({ length: 12 }, (_, index) =>
      (instances[index % instances.length] as Persistence).transaction(async (tx) => {
        if ((await tx.comments.threadCount('g')) >= limit) return false;
        await tx.comments.addThread({
          id: `t${index}`,
          guideId: 'g',
          anchorStart: 'a',
          anchorEnd: 'b',
          quote: 'q',
          createdBy: 'p',
          createdAt: at,
          resolvedBy: null,
          resolvedAt: null,
        });
        return true;
      }),
    );
    const added = (await Promise.all(tries)).filter(Boolean).length;
    expect(added).toBe(limit);
    expect(await first.repositories.comments.threadCount('g')).toBe(limit);
  });
});
