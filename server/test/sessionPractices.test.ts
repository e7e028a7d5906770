// A good-practice exchange's running order (issue 17): those who run the session set which
// approved practices of the event it presents and which one is presented now; anyone of the
// event reads it; every open page of the session hears a change within a second.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath, type ConferenceSession, type Me, type SessionPractices } from '@draftroom/shared';
import { ApiClient, createCoCreationSession, createInvite } from '../testing/index.ts';
import { insertPractice, setPracticeStatus } from './helpers/citationFixtures.ts';
import { approvedPractice, practiceInput } from './helpers/practiceFixtures.ts';
import { listenToStream } from './helpers/eventStream.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';
import { anotherEventOrganiser } from './helpers/actors.ts';

describe('running orders of good-practice exchanges', () => {
  let server: TestServer;
  let exchange: ConferenceSession;
  let workshop: ConferenceSession;
  let facilitator: ApiClient;
  let otherFacilitator: ApiClient;
  let participant: ApiClient;
  let observer: ApiClient;
  let otherOrganiser: ApiClient;
  const practice: Record<string, string> = {};
  const streams: Array<{ stop: () => void }> = [];

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    const me = await server.organiser.expect<Me>(200, 'GET', apiPath('me'));
    const eventId = me.person.eventId;
    exchange = await server.organiser.expect<ConferenceSession>(201, 'POST', '/api/sessions', {
      title: 'Exchange on open data',
      description: '',
      kind: 'good-practice-exchange',
      audience: [],
      startsAt: '2021-06-18T12:00:00Z',
      endsAt: '2021-06-18T14:00:00Z',
      languages: ['en'],
      selfSelect: false,
      templateId: null,
    });
    workshop = await createCoCreationSession(server.organiser, 'A workshop');
    const join = async (role: 'facilitator' | 'participant' | 'observer', sessionId: string) =>
      ApiClient.join(
        server.url,
        (await createInvite(server.organiser, role, { type: 'session', id: sessionId })).joinPath,
      );
    facilitator = await join('facilitator', exchange.id);
    otherFacilitator = await join('facilitator', workshop.id);
    participant = await join('participant', exchange.id);
    observer = await join('observer', exchange.id);
    otherOrganiser = await anotherEventOrganiser(server);
    const db = server.databasePath;
    practice.ghana = await insertPractice(db, { eventId, title: 'Open budget portal' });
    practice.kenya = await insertPractice(db, {
      eventId,
      title: 'Hansard online',
      parliament: 'Parliament of Kenya',
      country: 'KE',
    });
    practice.submitted = await insertPractice(db, { eventId, title: 'Draft', status: 'submitted' });
    const otherEventId = (await otherOrganiser.expect<Me>(200, 'GET', apiPath('me'))).person
      .eventId;
    practice.elsewhere = await insertPractice(db, {
      eventId: otherEventId,
      title: 'Another event’s practice',
    });
  });
  afterAll(async () => {
    for (const stream of streams) stream.stop();
    await server?.cleanup();
  });

  const path = (session = exchange) => apiPath('sessionPractices', { sessionId: session.id });
  const currentPath = () => apiPath('setCurrentPractice', { sessionId: exchange.id });
  const put = (who: ApiClient, items: unknown[], status = 200, session = exchange) =>
    who.expect<SessionPractices>(status, 'PUT', path(session), { items });

  it('is set by those who run the session, in order, with presenters, and read by anyone of the event', async () => {
    const set = await put(facilitator, [
      { practiceId: practice.kenya, presenter: 'Hon. Wanjiru' },
      { practiceId: practice.ghana },
    ]);
    expect(set.items.map((item) => item.title)).toEqual(['Hansard online', 'Open budget portal']);
    expect(set.items[0]).toMatchObject({
      parliament: 'Parliament of Kenya',
      country: 'KE',
      presenter: 'Hon. Wanjiru',
    });
    expect(set.items[1]?.presenter).toBeNull();
    expect(set.canManage).toBe(true);
    for (const reader of [participant, observer, otherFacilitator]) {
      const read = await reader.expect<SessionPractices>(200, 'GET', path());
      expect(read.items.map((item) => item.practiceId)).toEqual([practice.kenya, practice.ghana]);
      expect(read.canManage).toBe(false);
      // Offered the library's form from the session: everyone but observers.
      expect(read.canSubmit).toBe(reader !== observer);
    }
  });

  it('refuses people who do not run it (403), another event (404), and other kinds of session (409)', async () => {
    await put(participant, [], 403);
    await put(observer, [], 403);
    await put(otherFacilitator, [], 403);
    await put(otherOrganiser, [], 404);
    await otherOrganiser.expect(404, 'GET', path());
    await put(server.organiser, [{ practiceId: practice.ghana }], 409, workshop);
    await server.organiser.expect(
      409,
      'PUT',
      apiPath('setCurrentPractice', { sessionId: workshop.id }),
      {
        practiceId: null,
      },
    );
  });

  it('takes only approved practices of the event, each once, at most 50', async () => {
    for (const id of [practice.submitted, practice.elsewhere, 'no-such-practice']) {
      const refused = await put(facilitator, [{ practiceId: id }], 400);
      expect(JSON.stringify(refused)).not.toContain('Another event');
    }
    await put(facilitator, [{ practiceId: practice.ghana }, { practiceId: practice.ghana }], 400);
    const many = Array.from({ length: 51 }, () => ({ practiceId: practice.ghana }));
    await put(facilitator, many, 400);
    await put(facilitator, [{ practiceId: practice.ghana, presenter: 'x'.repeat(121) }], 400);
    await put(facilitator, [{ practiceId: practice.ghana, extra: 1 }], 400);
  });

  it('says which practice is presented now: one of the order or none', async () => {
    await put(facilitator, [{ practiceId: practice.kenya }, { practiceId: practice.ghana }]);
    const now = await facilitator.expect<SessionPractices>(200, 'PUT', currentPath(), {
      practiceId: practice.ghana,
    });
    expect(now.currentPracticeId).toBe(practice.ghana);
    await facilitator.expect(400, 'PUT', currentPath(), { practiceId: practice.submitted });
    await participant.expect(403, 'PUT', currentPath(), { practiceId: null });
    // Taken out of the order, it is no longer the current one.
    const after = await put(facilitator, [{ practiceId: practice.kenya }]);
    expect(after.currentPracticeId).toBeNull();
    const none = await facilitator.expect<SessionPractices>(200, 'PUT', currentPath(), {
      practiceId: null,
    });
    expect(none.currentPracticeId).toBeNull();
  });

  it('reaches every open page of the session within a second', async () => {
    const url = `${server.url}/api/sessions/${exchange.id}/events`;
    const heard = await listenToStream<SessionPractices>(url, participant.cookie, 'practices');
    streams.push(heard);
    await waitFor(() => expect(heard.messages.length).toBeGreaterThanOrEqual(1));
    const started = Date.now();
    await put(facilitator, [{ practiceId: practice.ghana }, { practiceId: practice.kenya }]);
    await facilitator.expect(200, 'PUT', currentPath(), { practiceId: practice.kenya });
    await waitFor(
      () => expect(heard.messages.at(-1)?.currentPracticeId).toBe(practice.kenya),
      1000,
    );
    expect(Date.now() - started).toBeLessThan(1500);
    expect(heard.messages.at(-1)?.items.map((item) => item.title)).toEqual([
      'Open budget portal',
      'Hansard online',
    ]);
    expect(heard.messages.at(-1)?.canManage).toBe(false);
  });

  it('follows a practice saved in the library: open pages show its new title within a second', async () => {
    const saved = await approvedPractice(server.organiser, { title: 'Committee livestreams' });
    await put(facilitator, [{ practiceId: saved.id }]);
    const url = `${server.url}/api/sessions/${exchange.id}/events`;
    const heard = await listenToStream<SessionPractices>(url, observer.cookie, 'practices');
    streams.push(heard);
    await waitFor(() =>
      expect(heard.messages.at(-1)?.items[0]?.title).toBe('Committee livestreams'),
    );
    await server.organiser.expect(200, 'PUT', apiPath('updatePractice', { practiceId: saved.id }), {
      ...practiceInput({
        title: 'Committee livestreams, with captions',
        parliament: 'Parliament of Testland',
        country: 'KE',
      }),
      revision: saved.revision,
    });
    await waitFor(
      () =>
        expect(heard.messages.at(-1)?.items[0]?.title).toBe('Committee livestreams, with captions'),
      1000,
    );
  });

  it('hides a practice sent back for changes from those who may not read it', async () => {
    await put(facilitator, [{ practiceId: practice.ghana }, { practiceId: practice.kenya }]);
    await setPracticeStatus(server.databasePath, practice.kenya!, 'changes-requested');
    const read = await observer.expect<SessionPractices>(200, 'GET', path());
    expect(read.items.map((item) => item.practiceId)).toEqual([practice.ghana]);
    const organiser = await server.organiser.expect<SessionPractices>(200, 'GET', path());
    expect(organiser.items).toHaveLength(2);
    await setPracticeStatus(server.databasePath, practice.kenya!, 'approved');
  });

  it('limits each person to 30 changes a minute', async () => {
    let status = 200;
    for (let i = 0; i < 40 && status === 200; i++) {
      status = (await facilitator.request('PUT', currentPath(), { practiceId: null })).status;
    }
    expect(status).toBe(429);
  });
});
