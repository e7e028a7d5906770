// A hostile look at search (issue 13), against a real server: what a person loses access to
// (taken out of a group, the group removed, an observer scoped elsewhere) is no longer found,
// and a hit shows its own block only; FTS5 syntax, odd Unicode and odd parameters are words or
// 400, never a 500 or a slow query; one person's searches are limited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  apiPath,
  guideFragmentName,
  type ConferenceSession,
  type BreakoutGroup,
  type SearchResult,
} from '@draftroom/shared';
import { ApiClient, createCoCreationSession, createGroup, createInvite } from '../testing/index.ts';
import { connectSynced } from './helpers/collabAccess.ts';
import type { HonestClient } from './helpers/clients.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

const searchPath = (q: string, extra = '') =>
  `${apiPath('searchGuides')}?${new URLSearchParams({ q }).toString()}${extra}`;

describe('search, hostile', () => {
  let server: TestServer;
  let session: ConferenceSession;
  let groupA: BreakoutGroup;
  let groupB: BreakoutGroup;
  let participant: ApiClient;
  let facilitator: ApiClient;
  let observerB: ApiClient;
  let writer: HonestClient;

  const hits = async (who: ApiClient, q: string) =>
    (await who.expect<SearchResult>(200, 'GET', searchPath(q))).hits;

  beforeAll(async () => {
    server = await startTestServer({
      SEED_DEMO: 'false',
      JOIN_RATE_LIMIT_PER_MINUTE: '100000',
      SEARCH_INDEX_QUIET_MS: '20',
    });
    session = await createCoCreationSession(server.organiser, 'Hostile search');
    groupA = await createGroup(server.organiser, session.id, 'Group A');
    groupB = await createGroup(server.organiser, session.id, 'Group B');
    const join = async (role: 'participant' | 'facilitator' | 'observer', groupId: string) =>
      ApiClient.join(
        server.url,
        (await createInvite(server.organiser, role, { type: 'group', id: groupId })).joinPath,
      );
    participant = await join('participant', groupA.id);
    facilitator = await join('facilitator', groupA.id);
    observerB = await join('observer', groupB.id);
    writer = await connectSynced(
      { wsUrl: server.wsUrl, cookie: server.organiser.cookie },
      groupA.guideId,
    );
    // Two blocks: the hit on the second must not carry the first.
    writer.text.insert(0, 'secret kangaroo plan');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('the wombat budget')]);
    const fragment = writer.doc.getXmlFragment(guideFragmentName);
    fragment.insert(fragment.length, [paragraph]);
    await waitFor(async () => expect(await hits(server.organiser, 'wombat')).toHaveLength(1));
  });
  afterAll(async () => {
    writer?.destroy();
    await server?.cleanup();
  });

  it('answers FTS5 syntax, odd Unicode and odd parameters with 200 or 400, never 500', async () => {
    const words = [
      'terms:wombat',
      'text:wombat',
      '{terms}: wombat',
      '- wombat',
      'wombat NOT budget',
      'wombat AND',
      'OR',
      'NEAR(wombat budget, 0)',
      'NEAR(wombat',
      '"wombat',
      'wombat"',
      '""',
      '^wombat',
      'wombat*budget',
      '*wombat',
      'w'.repeat(200),
      Array.from({ length: 60 }, (_, i) => `w${i}`)
        .join(' ')
        .slice(0, 200),
      '\u202Ewombat\u202C',
      'wom\u200Dbat',
      '\uFEFFwombat',
      '\u0301\u0301',
      '😀🏳️‍🌈',
      '\u{1E900}\u{16FE4}\u{10FFFD}',
      'ﷺ',
      'İ',
      'a b c d e f g h i j k l m n',
    ];
    for (const q of words) {
      const response = await server.organiser.request('GET', searchPath(q));
      expect(response.status, JSON.stringify(q)).toBe(200);
    }
    // The quoted word still finds the word, whatever the syntax around it.
    // Bytes that are not UTF-8 (an encoded lone surrogate) stay undecoded: plain characters.
    for (const raw of ['%ED%A0%80', '%FF', '%00']) {
      const response = await server.organiser.request('GET', `${apiPath('searchGuides')}?q=${raw}`);
      expect(response.status, raw).toBe(raw === '%00' ? 400 : 200);
    }
    // A column filter would find nothing (no column `budget`); as words, both are in block 1.
    expect(await hits(server.organiser, 'budget:wombat')).toHaveLength(1);
    expect(await hits(server.organiser, 'NEAR(wombat budget, 0)')).toEqual([]); // `near`, `0`
    expect(await hits(server.organiser, '\u202Ewombat\u202C')).toHaveLength(1);
    const refused = [
      searchPath('a\u0000b'),
      searchPath('a\u007Fb'),
      searchPath('a\u2028b'),
      `${apiPath('searchGuides')}?q=a&q=b`,
      `${apiPath('searchGuides')}?q[x]=a`,
      searchPath('a', '&limit=0'),
      searchPath('a', '&limit=-1'),
      searchPath('a', '&limit=1.5'),
      searchPath('a', '&limit=51'),
      searchPath('a', '&limit='),
      searchPath('a', '&limit=1&limit=2'),
      searchPath('a', '&limit=Infinity'),
    ];
    for (const path of refused) {
      const response = await server.organiser.request('GET', path);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
    }
  });

  it('answers the costliest query (a dozen one-letter prefixes) quickly', async () => {
    const started = performance.now();
    await hits(server.organiser, 'a b c d e f g h i j k l');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('shows a hit its own block only', async () => {
    const [hit] = await hits(participant, 'wombat');
    expect(hit).toMatchObject({ guideId: groupA.guideId, block: 1 });
    expect(hit?.snippet.text).toBe('the wombat budget');
    await expect(hits(participant, 'kangaroo wombat')).resolves.toEqual([]);
  });

  it('forgets a guide for those who lose it: taken out of the group, the group removed', async () => {
    expect((await hits(participant, 'wombat')).map((h) => h.guideId)).toEqual([groupA.guideId]);
    expect(await hits(facilitator, 'wombat')).toHaveLength(1);
    // Scoped to group B: nothing of A, not even a count.
    const observed = await observerB.expect<SearchResult>(200, 'GET', searchPath('wombat'));
    expect(observed).toEqual({ hits: [], more: false });

    await server.organiser.expect(
      204,
      'DELETE',
      apiPath('removeMember', { groupId: groupA.id, personId: participant.personId }),
    );
    expect(await hits(participant, 'wombat')).toEqual([]);
    const members = await server.organiser.expect<BreakoutGroup>(
      200,
      'GET',
      apiPath('getGroup', { groupId: groupA.id }),
    );
    for (const member of members.members) {
      await server.organiser.expect(
        204,
        'DELETE',
        apiPath('removeMember', { groupId: groupA.id, personId: member.id }),
      );
    }
    await server.organiser.expect(204, 'DELETE', apiPath('deleteGroup', { groupId: groupA.id }));
    expect(await hits(facilitator, 'wombat')).toEqual([]);
    expect(await hits(participant, 'wombat')).toEqual([]);
  });

  it('limits how often one person searches', async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 260 && !statuses.has(429); i++) {
      statuses.add((await observerB.request('GET', searchPath(`limit${i}`))).status);
    }
    expect([...statuses].sort()).toEqual([200, 429]);
  });
});
