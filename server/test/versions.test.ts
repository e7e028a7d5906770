import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  apiPath,
  guideFragmentName,
  type GuideVersion,
  type GuideVersionContent,
  type GuideVersionList,
  type RestoreResult,
} from '@draftroom/shared';
import type { GuideDocuments } from '../src/services/documents/guideDocuments.ts';
import { loadViewer } from '../src/services/conference/viewer.ts';
import { createVersionService } from '../src/services/versions/versionService.ts';
import { guideText } from '../testing/index.ts';
import { connectClient, whenSynced, type HonestClient } from './helpers/clients.ts';
import { createGuide, startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

/** Every character of a guide, whichever blocks hold it (a restore may rebuild blocks). */
function allText(doc: Y.Doc): string {
  const walk = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText): string =>
    node instanceof Y.XmlText
      ? node.toString()
      : node
          .toArray()
          .map((child) => walk(child as Y.XmlElement | Y.XmlText))
          .join('');
  return walk(doc.getXmlFragment(guideFragmentName));
}

// Version history: versions store the whole guide, a restore is one live server change that a
// later restore undoes, and automatic versions follow activity, at most one per interval.
describe('version history', () => {
  let server: TestServer;
  const clients: HonestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.cleanup();
  });

  const start = async (env: Record<string, string> = {}) => {
    server = await startTestServer({ SEED_DEMO: 'false', ...env });
    return createGuide(server);
  };
  const connect = async (guideId: string) => {
    const client = connectClient(server, guideId);
    clients.push(client);
    await whenSynced(client);
    return client;
  };
  const list = async (guideId: string) =>
    (
      await server.organiser.expect<GuideVersionList>(
        200,
        'GET',
        apiPath('listVersions', { guideId }),
      )
    ).versions;
  const save = (guideId: string, label: string) =>
    server.organiser.expect<GuideVersion>(201, 'POST', apiPath('saveVersion', { guideId }), {
      label,
    });
  const restore = (guideId: string, versionId: string) =>
    server.organiser.expect<RestoreResult>(
      200,
      'POST',
      apiPath('restoreVersion', { guideId, versionId }),
    );

  it('saves a named version with the whole guide, and lists it newest first', async () => {
    const guideId = await start();
    const alice = await connect(guideId);
    alice.text.insert(0, 'First draft of the guide');
    await waitFor(async () => {
      const state = new Y.Doc();
      Y.applyUpdate(state, await server.server.collab.documents.readState(guideId));
      expect(allText(state)).toBe('First draft of the guide');
    });
    const first = await save(guideId, '  First draft  ');
    expect(first).toMatchObject({ label: 'First draft', kind: 'manual' });
    expect(first.takenBy?.name).toBeTruthy();
    // Who wrote since the version before (none: since the start), from the server's record.
    expect(first.contributors?.map((person) => person.personId)).toEqual([first.takenBy?.personId]);
    alice.text.insert(alice.text.length, ', reviewed');
    await waitFor(async () => {
      const versions = await list(guideId);
      expect(versions).toHaveLength(1);
    });
    // Other features (the lock, the freeze) take versions through the service itself.
    await waitFor(async () => {
      const state = new Y.Doc();
      Y.applyUpdate(state, await server.server.collab.documents.readState(guideId));
      expect(allText(state)).toContain('reviewed');
    });
    const locked = await server.server.versions.takeVersion(guideId, {
      label: 'Locked',
      kind: 'lock',
      by: null,
    });
    const versions = await list(guideId);
    expect(versions[0]?.contributors?.map((person) => person.name)).toEqual([first.takenBy?.name]);
    expect(versions.map((v) => [v.label, v.kind, v.takenBy])).toEqual([
      ['Locked', 'lock', null],
      ['First draft', 'manual', first.takenBy],
    ]);
    const content = await server.organiser.expect<GuideVersionContent>(
      200,
      'GET',
      apiPath('getVersion', { guideId, versionId: first.id }),
    );
    expect(JSON.stringify(content.content)).toContain('First draft of the guide');
    expect(JSON.stringify(content.content)).not.toContain('reviewed');
    expect(content.content).toMatchObject({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(locked.bytes).toBeGreaterThan(first.bytes);
  });

  it('restores a version live for everyone, and restoring the version before it undoes that', async () => {
    const guideId = await start();
    const alice = await connect(guideId);
    const bob = await connect(guideId);
    alice.text.insert(0, 'The agreed wording');
    await waitFor(() => expect(allText(bob.doc)).toBe('The agreed wording'));
    const agreed = await save(guideId, 'Agreed');
    bob.text.delete(0, bob.text.length);
    bob.text.insert(0, 'Something else entirely');
    await waitFor(() => expect(allText(alice.doc)).toBe('Something else entirely'));

    const restored = await restore(guideId, agreed.id);
    expect(restored.changed).toBe(true);
    expect(restored.before).toMatchObject({
      kind: 'auto',
      beforeRestoreOf: { id: agreed.id, label: 'Agreed' },
    });
    // Both people see it without reconnecting: it is an ordinary change of the live guide.
    await waitFor(() => {
      expect(allText(alice.doc)).toBe('The agreed wording');
      expect(allText(bob.doc)).toBe('The agreed wording');
    });
    // Nothing was rewritten: the version before the restore holds what was replaced.
    const undo = await restore(guideId, restored.before!.id);
    expect(undo.changed).toBe(true);
    await waitFor(() => {
      expect(allText(alice.doc)).toBe('Something else entirely');
      expect(allText(bob.doc)).toBe('Something else entirely');
    });
    // Everyone keeps editing the same document afterwards.
    alice.text.insert(0, '» ');
    await waitFor(() => expect(allText(bob.doc)).toBe('» Something else entirely'));
    // Restoring what the guide already says writes nothing and saves nothing.
    const versionsBefore = (await list(guideId)).length;
    const again = await save(guideId, 'Now');
    expect((await restore(guideId, again.id)).changed).toBe(false);
    expect(await list(guideId)).toHaveLength(versionsBefore + 1);
  });

  it('takes automatic versions after activity, at most one per interval, none when idle', async () => {
    // 0.01 minutes: 600 ms.
    const guideId = await start({ VERSION_EVERY_MINUTES: '0.01' });
    const alice = await connect(guideId);
    const started = Date.now();
    for (let i = 0; i < 10; i++) {
      alice.text.insert(alice.text.length, `edit ${i} `);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    expect(server.server.versions.pendingAutomatic()).toBe(1);
    await waitFor(async () => expect(await list(guideId)).toHaveLength(1), 3000);
    const [auto] = await list(guideId);
    expect(auto).toMatchObject({ kind: 'auto', label: '', takenBy: null });
    expect(Date.parse(auto!.takenAt) - started).toBeGreaterThanOrEqual(550);
    // Idle: no more versions.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await list(guideId)).toHaveLength(1);
    // A deletion alone is a change too.
    alice.text.delete(0, 7);
    await waitFor(async () => expect(await list(guideId)).toHaveLength(2), 3000);
    // Activity that ends where it started (typed, then deleted) takes no version.
    alice.text.insert(0, 'x');
    alice.text.delete(0, 1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await list(guideId)).toHaveLength(2);
  });

  it('refuses hostile input with a clear error, costing nothing', async () => {
    const guideId = await start();
    const other = await createGuide(server, 'Other guide');
    const otherVersion = await save(other, 'Of the other guide');
    const post = (label: unknown) =>
      server.organiser.request<{ error: { code: string; message: string } }>(
        'POST',
        apiPath('saveVersion', { guideId }),
        { label },
      );
    for (const label of [
      '',
      '   ',
      'x'.repeat(121),
      'a\u0000b',
      'evil\u202Egnp.exe',
      '\u200B',
      42,
    ]) {
      const response = await post(label);
      expect(response.status, JSON.stringify(label)).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
    }
    expect((await post('x'.repeat(120))).status).toBe(201);
    const notFound = async (guide: string, versionId: string) => {
      for (const [method, name] of [
        ['GET', 'getVersion'],
        ['POST', 'restoreVersion'],
      ] as const) {
        const response = await server.organiser.request(
          method,
          apiPath(name, { guideId: guide, versionId }),
        );
        expect(response.status, `${name} ${guide} ${versionId}`).toBe(404);
      }
    };
    await notFound(guideId, 'unknown-version');
    // A version is found only under its own guide.
    await notFound(guideId, otherVersion.id);
    await notFound('no-such-guide', otherVersion.id);
    // An id of the wrong shape cannot name anything: not found, like any id format error.
    const malformed = await server.organiser.request(
      'GET',
      `/api/guides/${guideId}/versions/${encodeURIComponent('../x')}`,
    );
    expect(malformed.status).toBe(404);
    expect(await list(guideId)).toHaveLength(1);
  });

  it('keeps in the version before a restore an edit that lands while the restore is on its way', async () => {
    const guideId = await start();
    const host = server.server.collab.documents;
    await host.withDocument(guideId, (doc) => guideText(doc).insert(0, 'Version one'));
    const one = await save(guideId, 'One');
    await host.withDocument(guideId, (doc) => guideText(doc).insert(11, ', then more'));
    // The real host, with someone's edit arriving just after the restore has read the guide.
    let interfere = false;
    const racing: GuideDocuments = {
      withDocument: (id, change) => host.withDocument(id, change),
      readBody: (id, read) => host.readBody(id, read),
      async readState(id) {
        const state = await host.readState(id);
        if (interfere) {
          interfere = false;
          await host.withDocument(id, (doc) => guideText(doc).insert(0, 'LATE '));
        }
        return state;
      },
    };
    const { repositories } = server.server.persistence;
    const service = createVersionService(
      { repositories, transaction: server.server.persistence.transaction },
      racing,
      { everyMs: 60_000, onError: () => {} },
    );
    const me = await server.organiser.expect<{ person: { id: string } }>(200, 'GET', '/api/me');
    const viewer = await loadViewer(repositories, me.person.id);
    interfere = true;
    const result = await service.restore(viewer, guideId, one.id);
    service.close();
    const before = await server.organiser.expect<GuideVersionContent>(
      200,
      'GET',
      apiPath('getVersion', { guideId, versionId: result.before!.id }),
    );
    expect(JSON.stringify(before.content)).toContain('LATE Version one, then more');
    const state = new Y.Doc();
    Y.applyUpdate(state, await host.readState(guideId));
    expect(allText(state)).toBe('Version one');
  });

  it('bounds how many versions one person saves or restores a minute', async () => {
    const guideId = await start();
    for (let i = 0; i < 20; i++) await save(guideId, `Version ${i}`);
    const refused = await server.organiser.request<{ error: { code: string } }>(
      'POST',
      apiPath('saveVersion', { guideId }),
      { label: 'One too many' },
    );
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(await list(guideId)).toHaveLength(20);
  });
});
