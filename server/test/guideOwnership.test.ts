// Every guide belongs to one event, even without a group (a removed group's guide stays with that
// event's organisers only: see authorization.test.ts). Guides from before events existed (an
// older database) join the first event, keeping their text; such a database still starts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { apiPath, type Guide, type GuideList } from '@draftroom/shared';
import { guideText, removeTestData, testDatabaseUrl } from '../testing/index.ts';
import { openPersistence } from '../src/persistence/index.ts';
import { storedText } from './helpers/collabAccess.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { anotherEventOrganiser } from './helpers/actors.ts';

const textUpdate = (text: string) => {
  const doc = new Y.Doc();
  guideText(doc).insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};

describe('guide ownership', () => {
  let dataDir: string;
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.cleanup();
    server = undefined;
    await removeTestData(dataDir);
  });

  /** What the previous version left: guides (one of them the demo's) with text, and no events. */
  async function legacyDatabase(): Promise<string> {
    dataDir = mkdtempSync(join(tmpdir(), 'draftroom-legacy-'));
    const legacy = await openPersistence(await testDatabaseUrl(dataDir));
    for (const id of ['remote-plenary-sittings', 'legacy-notes']) {
      await legacy.repositories.guides.create({
        id,
        title: id,
        createdAt: new Date().toISOString(),
      });
      await legacy.documents.appendBatch([{ documentId: id, update: textUpdate(`Old ${id}.`) }]);
    }
    await legacy.close();
    return dataDir;
  }

  /** Guides without a group: the first event's organiser writes them, another event's cannot see them. */
  async function expectKeptForTheFirstEvent(started: TestServer, ids: string[]) {
    const otherOrganiser = await anotherEventOrganiser(started, {
      startsOn: '2022-01-10',
      endsOn: '2022-01-10',
    });
    for (const guideId of ids) {
      const path = apiPath('getGuide', { guideId });
      const kept = await started.organiser.expect<Guide>(200, 'GET', path);
      expect(kept).toMatchObject({ id: guideId, groupId: null, permission: 'write' });
      expect((await otherOrganiser.request('GET', path)).status).toBe(404);
      expect(await storedText(started.server, guideId)).toBe(`Old ${guideId}.`);
    }
  }

  it('starts on such a database with the demo: reuses the demo’s guide as it is, adopts the others', async () => {
    server = await startTestServer({ SEED_DEMO: 'true' }, await legacyDatabase());
    const { guides } = await server.organiser.expect<GuideList>(200, 'GET', apiPath('listGuides'));
    expect(guides.find((guide) => guide.id === 'remote-plenary-sittings')).toMatchObject({
      permission: 'write',
      groupId: expect.any(String),
    });
    const stored = await server.server.persistence.documents.load('remote-plenary-sittings');
    expect(stored.updates).toHaveLength(1); // the demo's body was not written over the old text
    expect(await storedText(server.server, 'remote-plenary-sittings')).toBe(
      'Old remote-plenary-sittings.',
    );
    await expectKeptForTheFirstEvent(server, ['legacy-notes']);
  });

  it('starts on such a database without the demo: the new event adopts every guide', async () => {
    server = await startTestServer({ SEED_DEMO: 'false' }, await legacyDatabase());
    await expectKeptForTheFirstEvent(server, ['remote-plenary-sittings', 'legacy-notes']);
  });
});
