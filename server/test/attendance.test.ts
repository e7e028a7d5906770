// The personal programme (issue 16): the audiences a person follows, the sessions they plan to
// attend and how many plan to attend each, against a real server and database; the calendar
// file read back with ical.js, an independent RFC 5545 parser.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPath,
  personalProgrammeSchema,
  type ConferenceSession,
  type PersonalProgramme,
} from '@draftroom/shared';
import { ApiClient, createCoCreationSession, createGroup, createInvite } from '../testing/index.ts';
import { createPersonalProgrammeService } from '../src/services/programme/personalProgrammeService.ts';
import { loadViewer } from '../src/services/conference/viewer.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { anotherEventOrganiser } from './helpers/actors.ts';

for (const name of ['x-wr-calname', 'x-wr-timezone']) {
  ICAL.design.defaultSet.property[name] = { defaultType: 'text' };
}

const hostileTitle = 'Parliaments, people; البرلمانات والمواطنون، معاً';
const hostileDescription = 'First line, with a comma;\nsecond line: الرقمنة\n\nThird.';

describe('the personal programme', () => {
  let server: TestServer;
  let debate: ConferenceSession;
  let workshop: ConferenceSession;
  let other: ConferenceSession;
  let foreignSession: ConferenceSession;
  let facilitatorS: ApiClient;
  let facilitatorOfGroup: ApiClient;
  let facilitatorElsewhere: ApiClient;
  let participant: ApiClient;
  let colleague: ApiClient;
  let observer: ApiClient;

  const programmeOf = async (who: ApiClient) =>
    personalProgrammeSchema.parse(await who.expect(200, 'GET', apiPath('personalProgramme')));
  const plan = (who: ApiClient, sessionId: string, planned: boolean) =>
    who.request<PersonalProgramme>('PUT', apiPath('planAttendance', { sessionId }), { planned });

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    const { organiser, url } = server;
    await organiser.expect(200, 'PUT', apiPath('updateEvent'), {
      name: 'World e-Parliament Conference, 2021; online',
      startsOn: '2021-06-16',
      endsOn: '2021-06-18',
      timeZone: 'Europe/Zurich',
      languages: ['en', 'fr', 'es', 'ar'],
    });
    debate = await organiser.expect<ConferenceSession>(201, 'POST', apiPath('createSession'), {
      title: hostileTitle,
      description: hostileDescription,
      kind: 'thought-leader-debate',
      audience: ['social-media', 'citizen-engagement'],
      startsAt: '2021-06-16T13:00:00+02:00',
      endsAt: '2021-06-16T14:30:00+02:00',
      languages: ['en', 'ar'],
    });
    workshop = await createCoCreationSession(organiser, 'Workshop S');
    other = await createCoCreationSession(organiser, 'Workshop T');
    const group = await createGroup(organiser, workshop.id, 'Group G');
    const join = async (role: 'facilitator' | 'participant' | 'observer', scope: object) =>
      ApiClient.join(url, (await createInvite(organiser, role, scope as never)).joinPath);
    facilitatorS = await join('facilitator', { type: 'session', id: workshop.id });
    facilitatorOfGroup = await join('facilitator', { type: 'group', id: group.id });
    facilitatorElsewhere = await join('facilitator', { type: 'session', id: other.id });
    participant = await join('participant', { type: 'group', id: group.id });
    colleague = await join('participant', { type: 'group', id: group.id });
    const me = await organiser.expect<{ person: { eventId: string } }>(200, 'GET', apiPath('me'));
    observer = await join('observer', { type: 'event', id: me.person.eventId });

    const otherOrganiser = await anotherEventOrganiser(server);
    foreignSession = await createCoCreationSession(otherOrganiser, 'Elsewhere');
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('starts empty, and keeps the audiences a person sets', async () => {
    expect(await programmeOf(participant)).toEqual({
      audiences: [],
      plannedSessionIds: [],
      attendanceCounts: null,
    });
    const set = await participant.expect<PersonalProgramme>(200, 'PUT', apiPath('setAudiences'), {
      audiences: ['social-media', 'library-research'],
    });
    expect(set.audiences).toEqual(['social-media', 'library-research']);
    expect((await programmeOf(participant)).audiences).toEqual([
      'social-media',
      'library-research',
    ]);
    // Someone else's audiences are untouched.
    expect((await programmeOf(colleague)).audiences).toEqual([]);
    // An empty list is a choice too.
    await colleague.expect(200, 'PUT', apiPath('setAudiences'), { audiences: [] });
  });

  it.each([
    ['an unknown audience', { audiences: ['astrology'] }],
    ['an audience twice', { audiences: ['social-media', 'social-media'] }],
    ['more audiences than exist', { audiences: Array(7).fill('social-media') }],
    ['a string', { audiences: 'social-media' }],
    ['no list at all', {}],
    ['a list of lists', { audiences: [['social-media']] }],
  ])('refuses %s with 400 and changes nothing', async (_name, body) => {
    const answer = await participant.request<{ error: { code: string } }>(
      'PUT',
      apiPath('setAudiences'),
      body,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
    expect((await programmeOf(participant)).audiences).toEqual([
      'social-media',
      'library-research',
    ]);
  });

  it('plans and unplans, once each however often it is asked', async () => {
    expect((await plan(participant, debate.id, true)).status).toBe(200);
    expect((await plan(participant, debate.id, true)).status).toBe(200);
    const both = await plan(participant, workshop.id, true);
    expect(both.body.plannedSessionIds).toEqual([debate.id, workshop.id]);
    const less = await plan(participant, workshop.id, false);
    expect(less.body.plannedSessionIds).toEqual([debate.id]);
    // Unplanning what was never planned is fine too.
    expect((await plan(participant, other.id, false)).body.plannedSessionIds).toEqual([debate.id]);
    expect((await programmeOf(participant)).plannedSessionIds).toEqual([debate.id]);
  });

  it('lets observers plan too', async () => {
    const answer = await plan(observer, debate.id, true);
    expect(answer.status).toBe(200);
    expect(answer.body.plannedSessionIds).toEqual([debate.id]);
    expect(answer.body.attendanceCounts).toBeNull();
  });

  it('answers 404 for a session of another event or none, and stores nothing', async () => {
    for (const sessionId of [foreignSession.id, 'no-such-session']) {
      const answer = await plan(participant, sessionId, true);
      expect(answer.status).toBe(404);
    }
    expect((await programmeOf(participant)).plannedSessionIds).toEqual([debate.id]);
  });

  it.each([
    ['a string', { planned: 'yes' }],
    ['a number', { planned: 1 }],
    ['nothing', {}],
    ['null', { planned: null }],
  ])('refuses %s as a plan with 400', async (_name, body) => {
    const answer = await participant.request(
      'PUT',
      apiPath('planAttendance', { sessionId: workshop.id }),
      body,
    );
    expect(answer.status).toBe(400);
    expect((await programmeOf(participant)).plannedSessionIds).toEqual([debate.id]);
  });

  it('counts for organisers (every session) and facilitators (their sessions) only', async () => {
    await plan(colleague, workshop.id, true);
    await plan(colleague, debate.id, true);
    await plan(facilitatorS, workshop.id, true);
    // Planned: debate by participant, observer, colleague; workshop by colleague, facilitatorS.
    expect((await programmeOf(server.organiser)).attendanceCounts).toEqual({
      [debate.id]: 3,
      [workshop.id]: 2,
      [other.id]: 0,
    });
    expect((await programmeOf(facilitatorS)).attendanceCounts).toEqual({ [workshop.id]: 2 });
    expect((await programmeOf(facilitatorOfGroup)).attendanceCounts).toEqual({
      [workshop.id]: 2,
    });
    expect((await programmeOf(facilitatorElsewhere)).attendanceCounts).toEqual({ [other.id]: 0 });
    expect((await programmeOf(participant)).attendanceCounts).toBeNull();
    expect((await programmeOf(observer)).attendanceCounts).toBeNull();
  });

  it('gives the planned sessions as a calendar an independent reader takes, in UTC', async () => {
    await plan(participant, workshop.id, true);
    const file = await participant.download(apiPath('myCalendar'));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(file.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?[a-z0-9-]+\.ics"?$/,
    );
    const calendar = new ICAL.Component(ICAL.parse(file.text));
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Zurich');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(
      'World e-Parliament Conference, 2021; online',
    );
    const events = calendar.getAllSubcomponents('vevent').map((each) => new ICAL.Event(each));
    expect(events.map((event) => event.uid).sort()).toEqual(
      [`${debate.id}@draftroom`, `${workshop.id}@draftroom`].sort(),
    );
    const first = events.find((event) => event.uid === `${debate.id}@draftroom`)!;
    expect(first.summary).toBe(hostileTitle);
    // 13:00 in Zurich (+02:00) is 11:00 UTC, written as UTC.
    expect(first.startDate.zone?.tzid).toBe('UTC');
    expect(first.startDate.toJSDate().toISOString()).toBe('2021-06-16T11:00:00.000Z');
    expect(first.endDate.toJSDate().toISOString()).toBe('2021-06-16T12:30:00.000Z');
    // No PUBLIC_URL here: the link is on the address the request came to.
    const link = `${server.url}/sessions/${debate.id}`;
    expect(first.description).toBe(`${hostileDescription}\n\n${link}`);
    expect(first.component.getFirstPropertyValue('url')).toBe(link);
    for (const line of file.text.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }

    // The same sessions the next time, under the same UIDs (a calendar updates, not duplicates).
    const again = new ICAL.Component(
      ICAL.parse((await participant.download(apiPath('myCalendar'))).text),
    );
    expect(
      again.getAllSubcomponents('vevent').map((each) => each.getFirstPropertyValue('uid')),
    ).toEqual(
      calendar.getAllSubcomponents('vevent').map((each) => each.getFirstPropertyValue('uid')),
    );
    // Someone who planned nothing gets a valid, empty calendar.
    const empty = await facilitatorOfGroup.download(apiPath('myCalendar'));
    expect(new ICAL.Component(ICAL.parse(empty.text)).getAllSubcomponents('vevent')).toEqual([]);
  });

  it('links to PUBLIC_URL when it is set', async () => {
    const { persistence } = server.server;
    const service = createPersonalProgrammeService(
      { repositories: persistence.repositories, transaction: persistence.transaction },
      { publicUrl: 'https://draftroom.example.org/' },
    );
    const viewer = await loadViewer(persistence.repositories, participant.personId);
    const file = await service.myCalendar(viewer, 'http://evil.example');
    const text = new TextDecoder().decode(file.bytes);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    const urls = events.map((each) => each.getFirstPropertyValue('url'));
    expect(urls).toContain(`https://draftroom.example.org/sessions/${debate.id}`);
    expect(text).not.toContain('evil.example');
  });

  it('forgets a person’s plans with their session', async () => {
    await server.organiser.expect(204, 'DELETE', apiPath('deleteSession', { sessionId: other.id }));
    await plan(participant, debate.id, true);
    expect((await programmeOf(server.organiser)).attendanceCounts).toEqual({
      [debate.id]: 3,
      [workshop.id]: 3,
    });
  });
});
