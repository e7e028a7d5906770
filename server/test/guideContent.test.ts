import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { apiPath, guideFragmentName, type GuideContent } from '@draftroom/shared';
import { actorNames, buildWorld, send, type ActorName, type World } from './helpers/actors.ts';
import { connectClient, whenSynced, type HonestClient } from './helpers/clients.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

const contentPath = (guideId: string) => apiPath('getGuideContent', { guideId });

/** The text of each top-level block, with its `dir`: what a comparison shows of a guide. */
function blocksOf(content: GuideContent['content']): { text: string; dir: unknown }[] {
  const textOf = (node: unknown): string => {
    const { text, content: children } = node as { text?: string; content?: unknown[] };
    return (text ?? '') + (children ?? []).map(textOf).join('');
  };
  return (content.content ?? []).map((block) => ({
    text: textOf(block),
    dir: (block as { attrs?: { dir?: unknown } }).attrs?.dir ?? null,
  }));
}

/** Appends a paragraph (optionally with its direction) as a browser's editor would send it. */
function appendParagraph(client: HonestClient, text: string, dir?: 'rtl' | 'ltr'): void {
  const paragraph = new Y.XmlElement('paragraph');
  if (dir) paragraph.setAttribute('dir', dir);
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = client.doc.getXmlFragment(guideFragmentName);
  fragment.insert(fragment.length, [paragraph]);
}

// Comparing two guides reads each one's current content through this route: real edits over the
// websocket are in it, and each person reads exactly the guides they may open
// (authorization.test.ts has the route's row for group A; here both guides of session S).
describe('guide content (comparing guides)', () => {
  let server: TestServer;
  let world: World;
  const clients: HonestClient[] = [];
  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    world = await buildWorld(server);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.cleanup();
  });
  const connect = async (guideId: string) => {
    const client = connectClient(server, guideId);
    clients.push(client);
    await whenSynced(client);
    return client;
  };

  it('gives each guide as it is after real edits, blocks and directions included', async () => {
    const a = await connect(world.groupA.guideId);
    const b = await connect(world.groupB.guideId);
    a.text.insert(0, 'Committees hold public hearings');
    appendParagraph(a, 'تعقد اللجان جلسات استماع علنية', 'rtl');
    b.text.insert(0, 'Committees hold private hearings');
    const read = (guideId: string) =>
      server.organiser.expect<GuideContent>(200, 'GET', contentPath(guideId));
    await waitFor(async () => {
      expect(blocksOf((await read(world.groupA.guideId)).content)).toEqual([
        { text: 'Committees hold public hearings', dir: null },
        { text: 'تعقد اللجان جلسات استماع علنية', dir: 'rtl' },
      ]);
    });
    const left = await read(world.groupA.guideId);
    expect(left.guide).toMatchObject({ id: world.groupA.guideId, title: 'Group A' });
    expect(left.guide.groupId).toBe(world.groupA.id);
    const right = await read(world.groupB.guideId);
    expect(right.guide.title).toBe('Group B');
    expect(blocksOf(right.content)).toEqual([
      { text: 'Committees hold private hearings', dir: null },
    ]);

    // A later edit (a deletion: nothing is added) shows at the next read.
    a.text.delete(0, 'Committees '.length);
    await waitFor(async () => {
      const [first] = blocksOf((await read(world.groupA.guideId)).content);
      expect(first?.text).toBe('hold public hearings');
    });
  });

  it('is given to exactly those who may open each guide', async () => {
    const statuses: Partial<Record<ActorName, [number, number]>> = {};
    for (const name of actorNames) {
      const cookie = world.actors[name].cookie;
      const left = await send(server.url, cookie, 'get', contentPath(world.groupA.guideId));
      const right = await send(server.url, cookie, 'get', contentPath(world.groupB.guideId));
      statuses[name] = [left.status, right.status];
      if (left.status === 403) expect(left.body).toMatchObject({ error: { code: 'forbidden' } });
    }
    // Organisers read every guide of their event; the session's facilitator both of its guides;
    // a participant only their own group's; the event's observer both; another event's
    // organiser learns nothing (404, as for a guide that does not exist).
    expect(statuses).toEqual({
      anonymous: [401, 401],
      revoked: [401, 401],
      signedOut: [401, 401],
      organiser: [200, 200],
      facilitatorS: [200, 200],
      facilitatorOther: [403, 403],
      participantA: [200, 403],
      participantB: [403, 200],
      observer: [200, 200],
      otherOrganiser: [404, 404],
    });
  });

  it('answers malformed and unknown ids as "not found", never reading anything', async () => {
    // A document id is 1–64 letters, digits, "-" or "_", starting with a letter or digit;
    // anything else cannot name a guide, so it is 404 like an unknown one (api.ts validParams).
    const bad = ['not an id', 'a'.repeat(65), '-leading', 'é', "x'--", 'Zz'.repeat(11)];
    for (const id of bad) {
      const path = `/api/guides/${encodeURIComponent(id)}/content`;
      const response = await send(server.url, server.cookie, 'get', path);
      expect(response.status, id).toBe(404);
      expect(response.body, id).toMatchObject({ error: { code: 'not_found' } });
    }
    // A path that does not percent-decode never reaches the route.
    const undecodable = await send(server.url, server.cookie, 'get', '/api/guides/%c0%ae/content');
    expect(undecodable.status).toBe(400);
  });

  it('limits how often one person reads whole guides, and only that person', async () => {
    const observer = world.actors.observer.cookie;
    const path = contentPath(world.groupB.guideId);
    let ok = 0;
    let limited: Awaited<ReturnType<typeof send>> | undefined;
    for (let i = 0; i < 125 && !limited; i++) {
      const response = await send(server.url, observer, 'get', path);
      if (response.status === 200) ok++;
      else limited = response;
    }
    // 120 a minute, two of which the previous test spent.
    expect(ok).toBe(118);
    expect(limited?.status).toBe(429);
    expect(limited?.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    // Someone else is not held back by it.
    expect((await send(server.url, server.cookie, 'get', path)).status).toBe(200);
  });
});
