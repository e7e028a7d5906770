// A hostile look at the review (issue 13), against a real server: people who make no move
// (observers, a facilitator of another session, another event's organiser) change nothing; a
// facilitator cannot reach `published` by any chain of moves; a published guide stays out of a
// facilitator's reach through versions (save, restore) and a fresh socket; and moves, each of
// which stores a whole-guide version and makes every open page of the session read again, are
// limited per person like saving versions is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPath,
  builtInTemplateId,
  type ConferenceSession,
  type GuideReview,
  type GuideVersionList,
  type ReviewStatus,
} from '@draftroom/shared';
import { ApiClient, createCoCreationSession, createGroup, createInvite } from '../testing/index.ts';
import { isReviewMove } from '../src/services/access/reviewMoves.ts';
import { textBlocksOfState } from '../src/services/search/guideBlocks.ts';
import { connectSynced, probeAccess, storedText } from './helpers/collabAccess.ts';
import type { HonestClient } from './helpers/clients.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

describe('review, hostile', () => {
  let server: TestServer;
  let other: TestServer;
  let session: ConferenceSession;
  let facilitator: ApiClient;
  let otherFacilitator: ApiClient;
  let observer: ApiClient;
  let groups = 0;
  const clients: HonestClient[] = [];

  beforeAll(async () => {
    const env = { SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' };
    server = await startTestServer(env);
    // Another event, on its own server and database: its organiser is a stranger here.
    other = await startTestServer(env);
    session = await createCoCreationSession(server.organiser, 'Hostile review');
    const otherSession = await createCoCreationSession(server.organiser, 'Elsewhere');
    const join = async (role: 'facilitator' | 'observer', sessionId: string) =>
      ApiClient.join(
        server.url,
        (await createInvite(server.organiser, role, { type: 'session', id: sessionId })).joinPath,
      );
    facilitator = await join('facilitator', session.id);
    otherFacilitator = await join('facilitator', otherSession.id);
    observer = await join('observer', session.id);
  });
  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.cleanup();
    await other?.cleanup();
  });

  const newGuide = async () => {
    groups += 1;
    return (await createGroup(server.organiser, session.id, `Hostile group ${groups}`)).guideId;
  };
  const statuses: ReviewStatus[] = [
    'drafting',
    'ready',
    'changes_requested',
    'approved',
    'published',
  ];
  const moveStatus = async (who: ApiClient, guideId: string, from: string, to: string) =>
    (await who.request('POST', apiPath('moveReview', { guideId }), { from, to })).status;
  const statusOf = async (guideId: string) =>
    (await server.organiser.expect<GuideReview>(200, 'GET', apiPath('guideReview', { guideId })))
      .status;

  it('refuses every move to observers, other sessions’ facilitators and strangers', async () => {
    const guideId = await newGuide();
    for (const from of statuses) {
      for (const to of statuses) {
        if (from === to) continue;
        // 409 for a move the table does not have at all (for anyone), 403 for one not theirs.
        const refused = isReviewMove(from, to) ? 403 : 409;
        expect(await moveStatus(observer, guideId, from, to), `observer ${from}→${to}`).toBe(
          refused,
        );
        // A facilitator of another session may not read the guide: refused before any table.
        expect(await moveStatus(otherFacilitator, guideId, from, to), `other ${from}→${to}`).toBe(
          403,
        );
        // Another event's guide looks like nothing at all.
        expect(await moveStatus(other.organiser, guideId, from, to), `stranger ${from}→${to}`).toBe(
          404,
        );
      }
    }
    expect(await statusOf(guideId)).toBe('drafting');
  });

  it('never lets a facilitator reach approved or published, whatever the chain', async () => {
    const guideId = await newGuide();
    // How the organiser puts a guide at each status, from drafting.
    const pathFromDrafting: Record<ReviewStatus, ReviewStatus[]> = {
      drafting: [],
      ready: ['ready'],
      changes_requested: ['ready', 'changes_requested'],
      approved: ['ready', 'approved'],
      published: ['ready', 'approved', 'published'],
    };
    const putAt = async (status: ReviewStatus) => {
      let at = await statusOf(guideId);
      if (at === status) return;
      if (at !== 'drafting') {
        expect(await moveStatus(server.organiser, guideId, at, 'drafting')).toBe(200);
        at = 'drafting';
      }
      for (const next of pathFromDrafting[status]) {
        expect(await moveStatus(server.organiser, guideId, at, next)).toBe(200);
        at = next;
      }
    };
    // Every status the facilitator can reach by their own moves, explored breadth-first from
    // wherever they could get the guide to.
    const reached = new Set<ReviewStatus>(['drafting']);
    const queue: ReviewStatus[] = ['drafting'];
    while (queue.length > 0) {
      const from = queue.shift()!;
      for (const to of statuses) {
        if (to === from || reached.has(to)) continue;
        await putAt(from);
        if ((await moveStatus(facilitator, guideId, from, to)) === 200) {
          reached.add(to);
          queue.push(to);
        }
      }
    }
    expect([...reached].sort()).toEqual(['drafting', 'ready']);
  });

  it('keeps a published guide out of a facilitator’s reach: versions and a fresh socket', async () => {
    const guideId = await newGuide();
    const organising = await connectSynced(
      { wsUrl: server.wsUrl, cookie: server.organiser.cookie },
      guideId,
    );
    clients.push(organising);
    organising.text.insert(0, 'Agreed text.');
    await waitFor(async () =>
      expect(await storedText(server.server, guideId)).toContain('Agreed text.'),
    );
    for (const [who, from, to] of [
      [facilitator, 'drafting', 'ready'],
      [server.organiser, 'ready', 'approved'],
      [server.organiser, 'approved', 'published'],
    ] as const) {
      expect(await moveStatus(who, guideId, from, to)).toBe(200);
    }
    const versions = await facilitator.expect<GuideVersionList>(
      200,
      'GET',
      apiPath('listVersions', { guideId }),
    );
    const versionId = versions.versions.at(-1)!.id;
    expect(
      (await facilitator.request('POST', apiPath('restoreVersion', { guideId, versionId }), {}))
        .status,
    ).toBe(403);
    expect(
      (await facilitator.request('POST', apiPath('saveVersion', { guideId }), { label: 'x' }))
        .status,
    ).toBe(403);
    const probe = await probeAccess(server, organising, facilitator.cookie, guideId, 'pub');
    if (probe.client) clients.push(probe.client);
    expect(probe.outcome).toBe('read');
  });

  it('never writes a session’s template into a published guide when a reader opens it', async () => {
    // Made without a template, so the guide stays empty and unclaimed; published empty; then the
    // session is given a template. A reader opening the guide must not start it from there.
    const plain = await createCoCreationSession(server.organiser, 'No template yet', {
      templateId: null,
    });
    const guideId = (await createGroup(server.organiser, plain.id, 'Empty group')).guideId;
    const facilitatorHere = await ApiClient.join(
      server.url,
      (await createInvite(server.organiser, 'facilitator', { type: 'session', id: plain.id }))
        .joinPath,
    );
    for (const [from, to] of [
      ['drafting', 'ready'],
      ['ready', 'approved'],
      ['approved', 'published'],
    ] as const) {
      expect(await moveStatus(server.organiser, guideId, from, to)).toBe(200);
    }
    const { id: _id, eventId: _eventId, ...rest } = plain;
    await server.organiser.expect(200, 'PUT', apiPath('updateSession', { sessionId: plain.id }), {
      ...rest,
      templateId: builtInTemplateId,
    });
    const reader = await connectSynced(
      { wsUrl: server.wsUrl, cookie: facilitatorHere.cookie },
      guideId,
    );
    clients.push(reader);
    // The template is written (if at all) just after the socket opens: give it every chance.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const blocks = textBlocksOfState(await server.server.collab.documents.readState(guideId));
    expect(blocks).toEqual([]);
  });

  it('limits how often one person moves reviews (each move stores a whole-guide version)', async () => {
    const guideId = await newGuide();
    const statuses: number[] = [];
    // Handing in and taking back, over and over: nothing in the table stops the loop itself.
    for (let i = 0; i < 40 && !statuses.includes(429); i++) {
      const [from, to] = i % 2 === 0 ? ['drafting', 'ready'] : ['ready', 'drafting'];
      statuses.push(await moveStatus(facilitator, guideId, from, to));
    }
    expect(statuses).toContain(429);
    const versions = await server.organiser.expect<GuideVersionList>(
      200,
      'GET',
      apiPath('listVersions', { guideId }),
    );
    expect(versions.versions.filter((v) => v.kind === 'review').length).toBeLessThanOrEqual(30);
    // The organisers are not held up by a facilitator's loop.
    const current = await statusOf(guideId);
    expect(
      await moveStatus(
        server.organiser,
        guideId,
        current,
        current === 'ready' ? 'approved' : 'ready',
      ),
    ).toBe(200);
  });
});
