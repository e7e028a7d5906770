// Citations of good practices in guides (issue 17): the index kept from each guide's text after
// its edits go quiet (and caught up at start for edits the index missed), the cards a citation
// shows, and what a reader of another event may learn from them (nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  apiPath,
  type BreakoutGroup,
  type GuideCitations,
  type Me,
  type Practice,
  type PracticeCard,
} from '@draftroom/shared';
import { ApiClient, createCoCreationSession, createGroup, createInvite } from '../testing/index.ts';
import { encodeGuideBody } from '../src/services/demo/guideBody.ts';
import { approvedPractice, submitPractice } from './helpers/practiceFixtures.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';
import { anotherEventOrganiser } from './helpers/actors.ts';

const cite = (practiceId: string) => ({ type: 'practiceCitation', attrs: { practiceId } });
const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('citations of good practices', () => {
  let server: TestServer;
  let groupA: BreakoutGroup;
  let groupB: BreakoutGroup;
  let participantA: ApiClient;
  let observer: ApiClient;
  let otherOrganiser: ApiClient;
  let eventId: string;
  const practice: Record<string, string> = {};

  const write = (guideId: string, content: unknown[]) =>
    server.server.collab.documents.withDocument(guideId, (doc) => {
      const body = doc.getXmlFragment('default');
      body.delete(0, body.length);
      Y.applyUpdate(doc, encodeGuideBody({ type: 'doc', content } as never));
    });
  const citationsOf = (who: ApiClient, guideId: string, status = 200) =>
    who.expect<GuideCitations>(status, 'GET', apiPath('guideCitations', { guideId }));
  const cards = (who: ApiClient, ids: string[], status = 200) =>
    who.expect<{ cards: PracticeCard[] }>(
      status,
      'GET',
      `${apiPath('practiceCards')}?ids=${ids.join(',')}`,
    );

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', SEARCH_INDEX_QUIET_MS: '50' });
    eventId = (await server.organiser.expect<Me>(200, 'GET', apiPath('me'))).person.eventId;
    const session = await createCoCreationSession(server.organiser, 'Open parliaments');
    groupA = await createGroup(server.organiser, session.id, 'Group A');
    groupB = await createGroup(server.organiser, session.id, 'Group B');
    const join = async (
      role: 'participant' | 'observer',
      scope: { type: 'group' | 'event'; id: string },
    ) => ApiClient.join(server.url, (await createInvite(server.organiser, role, scope)).joinPath);
    participantA = await join('participant', { type: 'group', id: groupA.id });
    observer = await join('observer', { type: 'event', id: eventId });
    otherOrganiser = await anotherEventOrganiser(server);
    // Through the library's own routes: submitted by the organisers for a parliament, approved.
    const ghana = { parliament: 'Parliament of Ghana', country: 'GH' } as const;
    practice.ghana = (
      await approvedPractice(server.organiser, { ...ghana, title: 'Open budget portal' })
    ).id;
    practice.kenya = (
      await approvedPractice(server.organiser, {
        title: 'Hansard online',
        parliament: 'Parliament of Kenya',
        country: 'KE',
      })
    ).id;
    practice.submitted = (
      await submitPractice(server.organiser, { ...ghana, title: 'Not yet approved' })
    ).id;
    practice.elsewhere = (
      await approvedPractice(otherOrganiser, { ...ghana, title: 'Another event’s practice' })
    ).id;
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('lists a guide’s citations in order of first appearance; unknown and another event’s alike unavailable', async () => {
    await write(groupA.guideId, [
      para('Two parliaments showed the way.'),
      cite(practice.kenya!),
      cite(practice.elsewhere!),
      para('And again:'),
      cite(practice.ghana!),
      cite(practice.kenya!),
      cite('no-such-practice'),
    ]);
    await server.server.search.settled();
    const listed = await citationsOf(participantA, groupA.guideId);
    expect(listed.practices.map((card) => card.citedId)).toEqual([
      practice.kenya,
      practice.elsewhere,
      practice.ghana,
      'no-such-practice',
    ]);
    // Whether an id names a practice elsewhere, or nothing at all, the list does not tell.
    const unavailable = { available: false, title: '', parliament: '', country: '' };
    expect(listed.practices[1]).toMatchObject(unavailable);
    expect(listed.practices[3]).toMatchObject(unavailable);
    expect(listed.practices[0]).toMatchObject({
      available: true,
      title: 'Hansard online',
      parliament: 'Parliament of Kenya',
      country: 'KE',
    });
    // Edited again: the index follows the text.
    await write(groupA.guideId, [cite(practice.ghana!)]);
    await server.server.search.settled();
    expect((await citationsOf(participantA, groupA.guideId)).practices.map((c) => c.id)).toEqual([
      practice.ghana,
    ]);
  });

  it('refuses guideCitations exactly as reading the guide: 403 another group, 404 another event', async () => {
    await citationsOf(participantA, groupB.guideId, 403);
    await citationsOf(otherOrganiser, groupA.guideId, 404);
    await citationsOf(otherOrganiser, 'no-such-guide', 404);
    await citationsOf(observer, groupA.guideId, 200);
  });

  it('answers cards: a merged practice shows its successor; unknown, unreadable or another event’s are unavailable alike', async () => {
    const duplicate = await approvedPractice(server.organiser, {
      parliament: 'Parliament of Ghana',
      country: 'GH',
      title: 'A duplicate',
    });
    await server.organiser.expect(
      200,
      'POST',
      apiPath('mergePractice', { practiceId: duplicate.id }),
      { revision: duplicate.revision, into: practice.ghana },
    );
    const merged = duplicate.id;
    const answer = await cards(observer, [
      practice.kenya!,
      merged,
      practice.submitted!,
      practice.elsewhere!,
      'no-such-practice',
    ]);
    expect(answer.cards[0]).toMatchObject({ citedId: practice.kenya, available: true });
    expect(answer.cards[1]).toMatchObject({
      citedId: merged,
      id: practice.ghana,
      available: true,
      title: 'Open budget portal',
    });
    const hidden = answer.cards.slice(2).map(({ citedId, ...rest }) => {
      void citedId;
      return rest;
    });
    // Identical answers apart from the id asked for: nothing says one of them exists.
    for (const card of hidden) {
      expect(card).toEqual({ ...hidden[2], id: card.id });
      expect(card).toMatchObject({ available: false, title: '', parliament: '', country: '' });
    }
    // The organisers read every practice of their event, approved or not.
    const organiser = await cards(server.organiser, [practice.submitted!]);
    expect(organiser.cards[0]).toMatchObject({ available: true, title: 'Not yet approved' });
    // Another event's organiser sees this event's practice as nothing.
    const outsider = await cards(otherOrganiser, [practice.kenya!]);
    expect(outsider.cards[0]).toMatchObject({ available: false, title: '' });
    await cards(observer, ['bad id!'], 400);
    await cards(
      observer,
      Array.from({ length: 51 }, (_, i) => `p${i}`),
      400,
    );
  });

  it('follows curation: a practice sent back is unavailable to readers who may not read it', async () => {
    const kenya = await server.organiser.expect<Practice>(
      200,
      'GET',
      apiPath('getPractice', { practiceId: practice.kenya! }),
    );
    const sentBack = await server.organiser.expect<Practice>(
      200,
      'POST',
      apiPath('reviewPractice', { practiceId: practice.kenya! }),
      { revision: kenya.revision, to: 'changes-requested', note: 'Add the results.' },
    );
    expect((await cards(observer, [practice.kenya!])).cards[0]?.available).toBe(false);
    await server.organiser.expect(
      200,
      'POST',
      apiPath('reviewPractice', { practiceId: practice.kenya! }),
      { revision: sentBack.revision, to: 'approved' },
    );
    expect((await cards(observer, [practice.kenya!])).cards[0]?.available).toBe(true);
  });

  it('gives the library’s practice page the guides citing it (citedBy), from the index', async () => {
    // Group A's guide names Ghana's practice and, as written, another event's.
    await write(groupA.guideId, [cite(practice.ghana!), cite(practice.elsewhere!)]);
    await server.server.search.settled();
    const ghana = await participantA.expect<Practice>(
      200,
      'GET',
      apiPath('getPractice', { practiceId: practice.ghana! }),
    );
    expect(ghana.citedBy.map((guide) => guide.guideId)).toEqual([groupA.guideId]);
    expect(ghana.citedBy[0]).toMatchObject({
      groupName: 'Group A',
      sessionTitle: 'Open parliaments',
    });
    // Another event's practice named in group A's guide: that guide does not cite it there.
    const elsewhere = await otherOrganiser.expect<Practice>(
      200,
      'GET',
      apiPath('getPractice', { practiceId: practice.elsewhere! }),
    );
    expect(elsewhere.citedBy).toEqual([]);
    expect(elsewhere.citedByOthers).toBe(0);
  });

  it('catches up at start with a guide edited while the index was behind, and survives a restart', async () => {
    const dataDir = server.dataDir;
    // A server whose index waits a minute: the edit is stored, its citations not yet indexed.
    await server.stop();
    server = await startTestServer(
      { SEED_DEMO: 'false', SEARCH_INDEX_QUIET_MS: '60000' },
      dataDir,
      server.organiser,
    );
    // Its own start-up pass done first, so the edit below is the only thing the index lacks.
    await server.server.search.settled();
    await write(groupB.guideId, [cite(practice.kenya!), cite(practice.ghana!)]);
    // Stored, and so marked for the index, before the stop (edits the stop's last flush stores
    // are marked too: searchUpdater.test.ts).
    await waitFor(() => expect(server.server.collab.persistQueue.size).toBe(0));
    await waitFor(() => expect(server.server.search.pendingCount()).toBeGreaterThan(0));
    await server.stop();
    server = await startTestServer(
      { SEED_DEMO: 'false', SEARCH_INDEX_QUIET_MS: '50' },
      dataDir,
      server.organiser,
    );
    await server.server.search.settled();
    const listed = await citationsOf(server.organiser, groupB.guideId);
    expect(listed.practices.map((card) => card.id)).toEqual([practice.kenya, practice.ghana]);
    // Group A's, indexed before the restarts, are still there.
    expect(
      (await citationsOf(server.organiser, groupA.guideId)).practices.map((card) => card.citedId),
    ).toEqual([practice.ghana, practice.elsewhere]);
  });
});
