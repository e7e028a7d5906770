// Registration of delegations (issue 16), the whole flow over HTTP against a real server: the
// organiser opens registration and invites parliaments, focal points register and edit their
// delegations through their links (no sign-in), the organiser approves and declines (people
// made, sign-in emails queued in the outbox), exports the CSV, and the deadline closes links
// unless it is extended or one parliament is reopened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPath,
  decidedDelegatesSchema,
  delegateSchema,
  delegationFormSchema,
  delegationLinkSchema,
  registrationOverviewSchema,
  registrationWindowSchema,
  type ApiError,
  type DecidedDelegates,
  type Delegate,
  type Delegation,
  type DelegationForm,
  type Me,
  type Person,
  type RegistrationOverview,
} from '@draftroom/shared';
import { ApiClient } from '../testing/index.ts';
import {
  anonymous,
  delegate,
  inviteParliament,
  openRegistration,
  saveDelegation,
  tokenOf,
} from './helpers/registrationFixtures.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

const day = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * day).toISOString();
const contactEmail = 'registration@ipu.example';

describe('registration of delegations', () => {
  let server: TestServer;
  let kicks = 0;
  const overview = async () =>
    registrationOverviewSchema.parse(
      await server.organiser.expect<RegistrationOverview>(
        200,
        'GET',
        apiPath('registrationOverview'),
      ),
    );
  const decide = async (delegateIds: string[], decision: 'approve' | 'decline') =>
    decidedDelegatesSchema.parse(
      await server.organiser.expect<DecidedDelegates>(200, 'POST', apiPath('decideDelegates'), {
        delegateIds,
        decision,
      }),
    ).delegates;
  const outbox = async () => {
    const eventId = (await server.organiser.expect<Me>(200, 'GET', apiPath('me'))).person.eventId;
    return server.server.persistence.repositories.mailOutbox.latestByDelegate(eventId);
  };
  const people = async () =>
    (await server.organiser.expect<{ people: Person[] }>(200, 'GET', apiPath('listPeople'))).people;

  beforeAll(async () => {
    server = await startTestServer(
      { SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' },
      undefined,
      undefined,
      { registrationMail: { configured: true, kick: () => void (kicks += 1) } },
    );
    await server.organiser.expect(200, 'PUT', apiPath('updateEvent'), {
      name: 'Registration conference',
      startsOn: '2031-06-16',
      endsOn: '2031-06-18',
      timeZone: 'Europe/Zurich',
      languages: ['en', 'fr', 'es', 'ar'],
      contactEmail,
    });
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('takes a delegation from its focal point, and makes approved delegates participants with their email queued', async () => {
    await openRegistration(server.organiser, { deadline: inDays(10), publicPage: false });
    const kenya = await inviteParliament(server.organiser, {
      parliament: 'National Assembly of Kenya',
      country: 'KE',
    });
    expect(kenya.registrationPath).toBe(`/register/${kenya.token}`);
    expect(kenya.delegation.region).toBe('AF');

    const empty = delegationFormSchema.parse(
      (await anonymous(server.url, 'GET', apiPath('delegationForm', { token: kenya.token }))).body,
    );
    expect(empty).toMatchObject({
      parliament: 'National Assembly of Kenya',
      closedReason: null,
      contactEmail,
      delegates: [],
      submittedAt: null,
    });

    const saved = await saveDelegation(server.url, kenya.token, [
      delegate('amina@parliament.ke', { name: 'Amina Odhiambo' }),
      delegate('jean@parliament.ke', {
        name: 'Jean Mwangi',
        preferredLanguage: 'fr',
        workingLanguages: ['fr', 'en'],
        audiences: ['social-media', 'communications'],
      }),
      delegate('cmd@parliament.ke', { name: '=cmd|"/c calc"!A1', function: '@SUM(1+1)' }),
    ]);
    expect(saved.delegates.map((each) => each.status)).toEqual(['pending', 'pending', 'pending']);
    expect(saved.submittedAt).not.toBeNull();
    const [amina, jean, cmd] = saved.delegates as [Delegate, Delegate, Delegate];

    // The focal point edits: ids are kept, the order and fields follow the list sent.
    const edited = await saveDelegation(server.url, kenya.token, [
      { ...amina, function: 'Clerk of the National Assembly' },
      { ...jean, workingLanguages: ['fr'] },
      cmd,
    ]);
    expect(edited.delegates.map((each) => each.id)).toEqual([amina.id, jean.id, cmd.id]);
    expect(edited.delegates[0]?.function).toBe('Clerk of the National Assembly');
    expect(edited.delegates[1]?.workingLanguages).toEqual(['fr']);

    const before = await overview();
    expect(before.mailConfigured).toBe(true);
    expect(before.delegations).toHaveLength(1);
    expect(before.delegations[0]?.delegates).toHaveLength(3);

    const kicksBefore = kicks;
    const approved = await decide([amina.id, jean.id], 'approve');
    expect(approved.map((each) => each.status)).toEqual(['approved', 'approved']);
    expect(approved.every((each) => each.personId !== null)).toBe(true);
    expect(approved.map((each) => each.mail?.status)).toEqual(['queued', 'queued']);
    expect(kicks).toBe(kicksBefore + 1);
    const declined = await decide([cmd.id], 'decline');
    expect(declined[0]).toMatchObject({ status: 'declined', personId: null, mail: null });

    // People made: participants of the event, with their parliament, language and audiences.
    const everyone = await people();
    const aminaPerson = everyone.find((person) => person.id === approved[0]?.personId);
    const jeanPerson = everyone.find((person) => person.id === approved[1]?.personId);
    expect(aminaPerson).toMatchObject({
      displayName: 'Amina Odhiambo',
      parliament: 'National Assembly of Kenya',
      country: 'KE',
      role: 'participant',
      email: 'amina@parliament.ke',
    });
    expect(jeanPerson).toMatchObject({ preferredLanguage: 'fr', email: 'jean@parliament.ke' });
    expect(everyone.some((person) => person.displayName.startsWith('=cmd'))).toBe(false);
    const repos = server.server.persistence.repositories;
    expect(await repos.people.audiencesOf(jeanPerson?.id ?? '')).toEqual([
      'social-media',
      'communications',
    ]);

    // One message each, in the delegate's language, naming the person and the delegate.
    const queued = await outbox();
    expect([...queued.values()].map((message) => message.delegateId).sort()).toEqual(
      [amina.id, jean.id].sort(),
    );
    expect(queued.get(jean.id)).toMatchObject({
      kind: 'delegate-invitation',
      recipient: 'jean@parliament.ke',
      language: 'fr',
      personId: jeanPerson?.id,
      status: 'pending',
      attempts: 0,
    });

    // Approving again changes nothing: no second message.
    const again = await decide([amina.id], 'approve');
    expect(again[0]?.personId).toBe(aminaPerson?.id);
    expect((await outbox()).get(amina.id)?.id).toBe(queued.get(amina.id)?.id);

    // The focal point may still change an approved delegate's language and audiences (they
    // reach the person), and edit the declined one, who stays declined.
    const later = await saveDelegation(server.url, kenya.token, [
      { ...amina, preferredLanguage: 'es', audiences: ['library-research'] },
      { ...jean, workingLanguages: ['fr'] },
      { ...cmd, workingLanguages: ['en', 'ar'] },
    ]);
    expect(later.delegates.map((each) => each.status)).toEqual([
      'approved',
      'approved',
      'declined',
    ]);
    expect(
      (await people()).find((person) => person.id === aminaPerson?.id)?.preferredLanguage,
    ).toBe('es');
    expect(await repos.people.audiencesOf(aminaPerson?.id ?? '')).toEqual(['library-research']);

    // CSV: every delegate, UTF-8 with BOM, the typed formula neutralised.
    const csv = await server.organiser.download(apiPath('exportRegistrations'));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'parliament,country,region,name,function,email,working_languages,preferred_language,audiences,status,focal_point,focal_point_email,submitted_at,decided_at',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('National Assembly of Kenya,KE,AF,Amina Odhiambo');
    expect(lines[2]).toContain('fr,fr,social-media communications,approved');
    expect(lines[3]).toContain(`"'=cmd|""/c calc""!A1",'@SUM(1+1),cmd@parliament.ke`);
    expect(lines[3]).toContain(',en ar,en,digital-ict,declined,');
    expect(csv.text).not.toMatch(/(^|,)=cmd/m);
  });

  it('ends the sign-ins of a delegate declined after approval, and gives their person back on approval', async () => {
    const chile = await inviteParliament(server.organiser, {
      parliament: 'Cámara de Diputados de Chile',
      country: 'CL',
    });
    const [tomas] = (
      await saveDelegation(server.url, chile.token, [
        delegate('tomas@camara.cl', { name: 'Tomás Herrera', preferredLanguage: 'es' }),
      ])
    ).delegates as [Delegate];
    const [approved] = await decide([tomas.id], 'approve');
    const personId = approved?.personId ?? '';
    // Tomás signs in with a personal link, as the email would give him.
    const link = await server.organiser.expect<{ joinPath: string }>(
      201,
      'POST',
      apiPath('personLink', { personId }),
    );
    const spareLink = await server.organiser.expect<{ joinPath: string }>(
      201,
      'POST',
      apiPath('personLink', { personId }),
    );
    const signedIn = await ApiClient.join(server.url, link.joinPath, {
      displayName: 'Tomás Herrera',
      parliament: 'Cámara de Diputados de Chile',
      country: 'CL',
      preferredLanguage: 'es',
    });
    await signedIn.expect(200, 'GET', apiPath('me'));

    const [declined] = await decide([tomas.id], 'decline');
    expect(declined).toMatchObject({ status: 'declined', mail: null });
    expect((await signedIn.request('GET', apiPath('me'))).status).toBe(401);
    // His unused personal link was withdrawn with his sign-ins.
    const spare = await anonymous<ApiError>(
      server.url,
      'GET',
      apiPath('invitePreview', { token: tokenOf(spareLink.joinPath) }),
    );
    expect(spare.status).toBe(410);
    expect((await outbox()).has(tomas.id)).toBe(false);

    // Approved again: the same person, and a new message.
    const [back] = await decide([tomas.id], 'approve');
    expect(back?.personId).toBe(personId);
    expect(back?.mail?.status).toBe('queued');
  });

  it('queues a sign-in email again on request, withdrawing the one not sent yet', async () => {
    const finland = await inviteParliament(server.organiser, {
      parliament: 'Parliament of Finland',
      country: 'FI',
    });
    const [liisa] = (
      await saveDelegation(server.url, finland.token, [delegate('liisa@eduskunta.fi')])
    ).delegates as [Delegate];
    const pending = await server.organiser.request<ApiError>(
      'POST',
      apiPath('resendDelegateEmail', { delegateId: liisa.id }),
    );
    expect(pending.status).toBe(409);
    await decide([liisa.id], 'approve');
    const first = (await outbox()).get(liisa.id)?.id;
    const resent = delegateSchema.parse(
      await server.organiser.expect(
        200,
        'POST',
        apiPath('resendDelegateEmail', { delegateId: liisa.id }),
      ),
    );
    expect(resent.mail?.status).toBe('queued');
    const second = (await outbox()).get(liisa.id);
    expect(second?.id).not.toBe(first);
    const old = await server.server.persistence.repositories.mailOutbox.get(first ?? '');
    expect(old?.status).toBe('cancelled');
  });

  it('closes links at the deadline, naming whom to contact, until one parliament is reopened or the deadline extended', async () => {
    const france = await inviteParliament(server.organiser, {
      parliament: 'Assemblée nationale',
      country: 'FR',
    });
    const jordan = await inviteParliament(server.organiser, {
      parliament: 'Parliament of Jordan',
      country: 'JO',
    });
    await saveDelegation(server.url, france.token, [delegate('claire@assemblee.fr')]);
    await openRegistration(server.organiser, { deadline: inDays(-1), publicPage: false });

    const form = delegationFormSchema.parse(
      (await anonymous(server.url, 'GET', apiPath('delegationForm', { token: france.token }))).body,
    );
    expect(form).toMatchObject({ closedReason: 'deadline_passed', contactEmail });
    expect(form.delegates.map((each) => each.email)).toEqual(['claire@assemblee.fr']);
    const refused = await anonymous<ApiError>(
      server.url,
      'PUT',
      apiPath('saveDelegation', { token: france.token }),
      { focalPoint: { name: 'Claire', email: 'c@assemblee.fr' }, delegates: [] },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('registration_closed');
    expect(refused.body.error.message).toContain(contactEmail);
    // Nothing was written.
    expect(
      (await overview()).delegations.find((each) => each.id === france.delegation.id)?.delegates,
    ).toHaveLength(1);

    // Jordan reopened for two days: Jordan may save, France still may not.
    const reopenedUntil = inDays(2);
    const reopened = await server.organiser.expect<Delegation>(
      200,
      'PATCH',
      apiPath('updateDelegation', { delegationId: jordan.delegation.id }),
      { reopenedUntil },
    );
    expect(reopened.reopenedUntil).toBe(reopenedUntil);
    const jordanForm = await saveDelegation(server.url, jordan.token, [
      delegate('layla@parliament.jo'),
    ]);
    expect(jordanForm).toMatchObject({ closedReason: null, deadline: reopenedUntil });
    await saveDelegation(server.url, france.token, [], 409);

    // The deadline extended: everyone may save again.
    await openRegistration(server.organiser, { deadline: inDays(3), publicPage: false });
    await saveDelegation(server.url, france.token, [delegate('claire@assemblee.fr')]);

    // Registration closed by the organisers: not open, even for the reopened parliament.
    await openRegistration(server.organiser, {
      open: false,
      deadline: inDays(3),
      publicPage: false,
    });
    const closed = delegationFormSchema.parse(
      (await anonymous(server.url, 'GET', apiPath('delegationForm', { token: jordan.token }))).body,
    );
    expect(closed.closedReason).toBe('not_open');
    await saveDelegation(server.url, jordan.token, [], 409);
    expect((await overview()).closedReason).toBe('not_open');
    await openRegistration(server.organiser, { deadline: inDays(3), publicPage: false });
  });

  it('lets focal points start their delegation from the public page while it is offered', async () => {
    const settings = await openRegistration(server.organiser, {
      deadline: inDays(5),
      publicPage: true,
    });
    expect(settings.publicPath).toMatch(/^\/register\/open\/[A-Za-z0-9_-]{43}$/);
    const publicToken = tokenOf(settings.publicPath ?? '');
    // Saved again with the page on: the same link.
    expect((await openRegistration(server.organiser, { deadline: inDays(5) })).publicPath).toBe(
      settings.publicPath,
    );
    const page = registrationWindowSchema.parse(
      (await anonymous(server.url, 'GET', apiPath('publicRegistration', { token: publicToken })))
        .body,
    );
    expect(page).toMatchObject({ eventName: 'Registration conference', closedReason: null });

    const started = await anonymous(
      server.url,
      'POST',
      apiPath('startDelegation', { token: publicToken }),
      {
        parliament: 'Lok Sabha',
        country: 'IN',
        focalPoint: { name: 'Rahul Mehta', email: 'rahul@sansad.in' },
      },
    );
    expect(started.status).toBe(201);
    const token = tokenOf(delegationLinkSchema.parse(started.body).registrationPath);
    await saveDelegation(server.url, token, [delegate('rahul@sansad.in')]);
    const lokSabha = (await overview()).delegations.find((each) => each.parliament === 'Lok Sabha');
    expect(lokSabha).toMatchObject({ source: 'public', region: 'AS', country: 'IN' });

    // Closed: the page says so and starts nothing.
    await openRegistration(server.organiser, { deadline: inDays(-1), publicPage: true });
    const closedStart = await anonymous<ApiError>(
      server.url,
      'POST',
      apiPath('startDelegation', { token: publicToken }),
      {
        parliament: 'Late parliament',
        country: 'IN',
        focalPoint: { name: 'Late', email: 'late@example.org' },
      },
    );
    expect(closedStart.status).toBe(409);
    expect(closedStart.body.error.code).toBe('registration_closed');

    // Turned off: the link no longer works, and turning it on again makes a new one.
    await openRegistration(server.organiser, { deadline: inDays(5), publicPage: false });
    const gone = await anonymous<ApiError>(
      server.url,
      'GET',
      apiPath('publicRegistration', { token: publicToken }),
    );
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('registration_link_invalid');
    const again = await openRegistration(server.organiser, {
      deadline: inDays(5),
      publicPage: true,
    });
    expect(again.publicPath).not.toBe(settings.publicPath);
  });

  it('replaces a focal point’s link with a new one: the old one stops working', async () => {
    const senegal = await inviteParliament(server.organiser, {
      parliament: 'Assemblée nationale du Sénégal',
      country: 'SN',
    });
    const fresh = delegationLinkSchema.parse(
      await server.organiser.expect(
        201,
        'POST',
        apiPath('delegationLink', { delegationId: senegal.delegation.id }),
      ),
    );
    const old = await anonymous<ApiError>(
      server.url,
      'GET',
      apiPath('delegationForm', { token: senegal.token }),
    );
    expect(old.status).toBe(404);
    expect(old.body.error.code).toBe('registration_link_invalid');
    const form = await anonymous<DelegationForm>(
      server.url,
      'GET',
      apiPath('delegationForm', { token: tokenOf(fresh.registrationPath) }),
    );
    expect(form.body.parliament).toBe('Assemblée nationale du Sénégal');
  });
});
