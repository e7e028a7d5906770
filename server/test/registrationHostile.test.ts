// Registration (issue 16) against bad input and the wrong hands: every refusal is a clear 4xx
// with its code and, where a field is at fault, its path, and a refused save writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPath,
  maxDelegates,
  type ApiError,
  type Delegate,
  type DelegationForm,
  type RegistrationOverview,
} from '@draftroom/shared';
import type { ApiClient } from '../testing/index.ts';
import { isDuplicateDelegateEmail } from '../src/persistence/repositories/registration.ts';
import {
  anonymous,
  delegate,
  focalPoint,
  inviteParliament,
  openRegistration,
  saveDelegation,
} from './helpers/registrationFixtures.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { anotherEventOrganiser } from './helpers/actors.ts';

type Refusal = { status: number; body: ApiError };

describe('registration against hostile input', () => {
  let server: TestServer;
  let otherOrganiser: ApiClient;
  const put = (token: string, body: unknown, raw?: string) =>
    anonymous<ApiError>(server.url, 'PUT', apiPath('saveDelegation', { token }), body, raw);
  const formOf = async (token: string) =>
    (await anonymous<DelegationForm>(server.url, 'GET', apiPath('delegationForm', { token }))).body;
  const expectRefused = (answer: Refusal, status: number, code: string) => {
    expect({ status: answer.status, code: answer.body?.error?.code }).toEqual({ status, code });
  };

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    otherOrganiser = await anotherEventOrganiser(server, {
      startsOn: '2032-01-10',
      endsOn: '2032-01-11',
    });
    await openRegistration(server.organiser);
    await openRegistration(otherOrganiser);
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('refuses duplicate emails within a delegation, naming the line, without regard to case', async () => {
    const { token } = await inviteParliament(server.organiser);
    const answer = await put(token, {
      focalPoint,
      delegates: [delegate('same@parl.example'), delegate('SAME@Parl.Example')],
    });
    expectRefused(answer, 400, 'validation_failed');
    expect(answer.body.error.details).toContainEqual({
      path: 'delegates.1.email',
      message: 'This email is already given for another delegate of this delegation.',
    });
    expect((await formOf(token)).delegates).toEqual([]);
  });

  it('refuses an email another delegation (or a person of the event) has, without saying which', async () => {
    const first = await inviteParliament(server.organiser, { parliament: 'Secret Parliament' });
    const second = await inviteParliament(server.organiser);
    await saveDelegation(server.url, first.token, [delegate('taken@parl.example')]);
    const answer = await put(second.token, {
      focalPoint,
      delegates: [delegate('fresh@parl.example'), delegate('Taken@parl.example')],
    });
    expectRefused(answer, 409, 'conflict');
    expect(answer.body.error.message).toContain('delegate 2');
    expect(JSON.stringify(answer.body)).not.toContain('Secret Parliament');
    expect(answer.body.error.details).toEqual([
      { path: 'delegates.1.email', message: 'This email is already registered for this event.' },
    ]);
    expect((await formOf(second.token)).delegates).toEqual([]);

    // Someone already in the event (the organiser, with their email on file).
    await server.organiser.expect(200, 'PATCH', apiPath('updateMe'), {
      email: 'olga@ipu.example',
    });
    expectRefused(
      await put(second.token, { focalPoint, delegates: [delegate('OLGA@ipu.example')] }),
      409,
      'conflict',
    );
  });

  it('answers two parliaments racing for one email with one save and one 409, never a 500', async () => {
    const a = await inviteParliament(server.organiser);
    const b = await inviteParliament(server.organiser);
    const body = { focalPoint, delegates: [delegate('race@parl.example')] };
    const answers = await Promise.all([put(a.token, body), put(b.token, body)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
  });

  it('recognises the unique (event, email) constraint as the database reports it', async () => {
    const { token } = await inviteParliament(server.organiser);
    const [saved] = (await saveDelegation(server.url, token, [delegate('unique@parl.example')]))
      .delegates as [Delegate];
    const repos = server.server.persistence.repositories;
    const [record] = await repos.registration.delegatesByIds([saved.id]);
    if (!record) throw new Error('the saved delegate is not on file');
    const twice = await repos.registration
      .insertDelegate({ ...record, id: 'AnotherDelegate1', email: 'UNIQUE@parl.example' })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(twice).toBeDefined();
    expect(isDuplicateDelegateEmail(twice)).toBe(true);
    expect(isDuplicateDelegateEmail(new Error('something else'))).toBe(false);
  });

  it('lets two delegates swap emails in one save', async () => {
    const { token } = await inviteParliament(server.organiser);
    const [x, y] = (
      await saveDelegation(server.url, token, [
        delegate('x@parl.example', { name: 'X' }),
        delegate('y@parl.example', { name: 'Y' }),
      ])
    ).delegates as [Delegate, Delegate];
    const swapped = await saveDelegation(server.url, token, [
      { ...x, email: 'y@parl.example' },
      { ...y, email: 'x@parl.example' },
    ]);
    expect(swapped.delegates.map((each) => [each.name, each.email])).toEqual([
      ['X', 'y@parl.example'],
      ['Y', 'x@parl.example'],
    ]);
  });

  it('refuses a focal point naming another delegation’s delegates, and writes nothing', async () => {
    const mine = await inviteParliament(server.organiser);
    const theirs = await inviteParliament(server.organiser);
    const [own] = (await saveDelegation(server.url, mine.token, [delegate('own@parl.example')]))
      .delegates as [Delegate];
    const [victim] = (
      await saveDelegation(server.url, theirs.token, [delegate('victim@parl.example')])
    ).delegates as [Delegate];
    const answer = await put(mine.token, {
      focalPoint,
      delegates: [
        { ...delegate('own@parl.example'), id: own.id },
        { ...delegate('stolen@parl.example'), id: victim.id },
      ],
    });
    expectRefused(answer, 400, 'validation_failed');
    expect(answer.body.error.details?.[0]?.path).toBe('delegates.1.id');
    // The same id twice is refused too.
    expectRefused(
      await put(mine.token, {
        focalPoint,
        delegates: [
          { ...delegate('own@parl.example'), id: own.id },
          { ...delegate('twice@parl.example'), id: own.id },
        ],
      }),
      400,
      'validation_failed',
    );
    expect((await formOf(theirs.token)).delegates.map((each) => each.email)).toEqual([
      'victim@parl.example',
    ]);
    expect((await formOf(mine.token)).delegates.map((each) => each.email)).toEqual([
      'own@parl.example',
    ]);
  });

  it('refuses unknown, short, malformed and replaced links with registration_link_invalid', async () => {
    const { token, delegation } = await inviteParliament(server.organiser);
    const publicToken =
      (await openRegistration(server.organiser)).publicPath?.split('/').pop() ?? '';
    const wrong = [
      'short',
      'A'.repeat(43),
      'A'.repeat(44),
      `${token.slice(0, 42)}!`,
      encodeURIComponent('../../etc/passwd'),
      publicToken, // the public page's token opens no delegation
    ];
    for (const candidate of wrong) {
      expectRefused(
        (await anonymous(
          server.url,
          'GET',
          apiPath('delegationForm', { token: candidate }),
        )) as Refusal,
        404,
        'registration_link_invalid',
      );
      expectRefused(
        await put(candidate, { focalPoint, delegates: [] }),
        404,
        'registration_link_invalid',
      );
    }
    // A delegation's private token does not open the public page.
    expectRefused(
      (await anonymous(server.url, 'POST', apiPath('startDelegation', { token }), {
        parliament: 'P',
        country: 'KE',
        focalPoint,
      })) as Refusal,
      404,
      'registration_link_invalid',
    );
    await server.organiser.expect(
      201,
      'POST',
      apiPath('delegationLink', { delegationId: delegation.id }),
    );
    expectRefused(
      await put(token, { focalPoint, delegates: [] }),
      404,
      'registration_link_invalid',
    );
  });

  it('refuses oversize fields and lists, malformed JSON and wrong types with 400 (413 when huge)', async () => {
    const { token } = await inviteParliament(server.organiser);
    const cases: Array<[unknown, string]> = [
      [
        { focalPoint, delegates: [delegate('a@p.example', { name: 'n'.repeat(121) })] },
        'delegates.0.name',
      ],
      [
        { focalPoint, delegates: [delegate('a@p.example', { function: 'f'.repeat(161) })] },
        'delegates.0.function',
      ],
      [{ focalPoint, delegates: [delegate(`${'e'.repeat(250)}@p.example`)] }, 'delegates.0.email'],
      [
        {
          focalPoint,
          delegates: Array.from({ length: maxDelegates + 1 }, (_, index) =>
            delegate(`d${index}@p.example`),
          ),
        },
        'delegates',
      ],
      [
        { focalPoint, delegates: [delegate('a@p.example', { workingLanguages: [] })] },
        'delegates.0.workingLanguages',
      ],
      [
        { focalPoint, delegates: [delegate('a@p.example', { workingLanguages: ['en', 'en'] })] },
        'delegates.0.workingLanguages',
      ],
      [
        { focalPoint, delegates: [{ ...delegate('a@p.example'), audiences: ['everyone'] }] },
        'delegates.0.audiences.0',
      ],
      [
        { focalPoint, delegates: [{ ...delegate('a@p.example'), workingLanguages: 'en' }] },
        'delegates.0.workingLanguages',
      ],
      [
        { focalPoint, delegates: [{ ...delegate('a@p.example'), name: 'Hidden \u202Eevil' }] },
        'delegates.0.name',
      ],
      [{ focalPoint, delegates: [{ ...delegate('a@p.example'), id: 42 }] }, 'delegates.0.id'],
      [{ focalPoint: { name: '', email: 'x' }, delegates: [] }, 'focalPoint.name'],
      [{ focalPoint, delegates: 'everyone' }, 'delegates'],
    ];
    for (const [body, path] of cases) {
      const answer = await put(token, body);
      expectRefused(answer, 400, 'validation_failed');
      expect(answer.body.error.details?.map((detail) => detail.path)).toContain(path);
    }
    expectRefused(await put(token, undefined, '{"focalPoint": '), 400, 'invalid_json');
    expectRefused(
      await put(token, {
        focalPoint,
        delegates: [delegate('a@p.example', { name: 'x'.repeat(3_000_000) })],
      }),
      413,
      'payload_too_large',
    );
    expect((await formOf(token)).delegates).toEqual([]);
  });

  it('keeps approved delegates as the organisers decided: not removed, renamed or re-addressed by the focal point', async () => {
    const { token } = await inviteParliament(server.organiser);
    const [kept, other] = (
      await saveDelegation(server.url, token, [
        delegate('kept@parl.example', { name: 'Kept Delegate' }),
        delegate('other@parl.example'),
      ])
    ).delegates as [Delegate, Delegate];
    await server.organiser.expect(200, 'POST', apiPath('decideDelegates'), {
      delegateIds: [kept.id],
      decision: 'approve',
    });
    const removal = await put(token, { focalPoint, delegates: [other] });
    expectRefused(removal, 409, 'conflict');
    expect(removal.body.error.message).toContain('ask the organisers');
    const renamed = await put(token, {
      focalPoint,
      delegates: [{ ...kept, name: 'Someone Else' }, other],
    });
    expectRefused(renamed, 409, 'conflict');
    expect(renamed.body.error.details?.[0]?.path).toBe('delegates.0.name');
    const readdressed = await put(token, {
      focalPoint,
      delegates: [{ ...kept, email: 'elsewhere@parl.example' }, other],
    });
    expectRefused(readdressed, 409, 'conflict');
    expect(readdressed.body.error.details?.[0]?.path).toBe('delegates.0.email');
    // The email's case is not a change of address.
    await saveDelegation(server.url, token, [{ ...kept, email: 'KEPT@parl.example' }, other]);
    expect((await formOf(token)).delegates.map((each) => each.status)).toEqual([
      'approved',
      'pending',
    ]);
  });

  it('keeps another event’s organiser out of this event’s delegations, and decides all or nothing', async () => {
    const { token, delegation } = await inviteParliament(server.organiser);
    const [mine] = (await saveDelegation(server.url, token, [delegate('mine@parl.example')]))
      .delegates as [Delegate];
    const theirs = await inviteParliament(otherOrganiser);
    const [foreign] = (
      await saveDelegation(server.url, theirs.token, [delegate('theirs@parl.example')])
    ).delegates as [Delegate];

    const attempts = [
      otherOrganiser.request<ApiError>(
        'PATCH',
        apiPath('updateDelegation', { delegationId: delegation.id }),
        {
          reopenedUntil: null,
        },
      ),
      otherOrganiser.request<ApiError>(
        'POST',
        apiPath('delegationLink', { delegationId: delegation.id }),
      ),
      otherOrganiser.request<ApiError>('POST', apiPath('decideDelegates'), {
        delegateIds: [mine.id],
        decision: 'approve',
      }),
      otherOrganiser.request<ApiError>(
        'POST',
        apiPath('resendDelegateEmail', { delegateId: mine.id }),
      ),
      // Our organiser naming one of theirs beside one of ours: nothing is decided.
      server.organiser.request<ApiError>('POST', apiPath('decideDelegates'), {
        delegateIds: [mine.id, foreign.id],
        decision: 'approve',
      }),
      server.organiser.request<ApiError>('POST', apiPath('decideDelegates'), {
        delegateIds: [mine.id, 'NoSuchDelegate123'],
        decision: 'decline',
      }),
    ];
    for (const answer of await Promise.all(attempts)) expectRefused(answer, 404, 'not_found');
    expect((await formOf(token)).delegates[0]?.status).toBe('pending');
    expect((await formOf(theirs.token)).delegates[0]?.status).toBe('pending');
    const theirView = await otherOrganiser.expect<RegistrationOverview>(
      200,
      'GET',
      apiPath('registrationOverview'),
    );
    expect(theirView.delegations.map((each) => each.id)).toEqual([theirs.delegation.id]);
    const csv = await otherOrganiser.download(apiPath('exportRegistrations'));
    expect(csv.text).toContain('theirs@parl.example');
    expect(csv.text).not.toContain('mine@parl.example');
  });

  it('tells the organiser to copy the personal link when no email can be sent', async () => {
    const { token } = await inviteParliament(server.organiser);
    const [approved] = (await saveDelegation(server.url, token, [delegate('nomail@parl.example')]))
      .delegates as [Delegate];
    const decided = await server.organiser.expect<{ delegates: Delegate[] }>(
      200,
      'POST',
      apiPath('decideDelegates'),
      { delegateIds: [approved.id], decision: 'approve' },
    );
    expect(decided.delegates[0]?.mail).toBeNull();
    const answer = await server.organiser.request<ApiError>(
      'POST',
      apiPath('resendDelegateEmail', { delegateId: approved.id }),
    );
    expectRefused(answer, 409, 'conflict');
    expect(answer.body.error.message).toContain('copy');
  });

  it('refuses organiser bodies that do not fit', async () => {
    const bad: Array<[string, string, unknown]> = [
      ['PUT', apiPath('registrationSettings'), { open: 'yes', deadline: null, publicPage: false }],
      [
        'PUT',
        apiPath('registrationSettings'),
        { open: true, deadline: 'tomorrow', publicPage: false },
      ],
      ['POST', apiPath('inviteDelegation'), { parliament: 'P', country: 'XX', focalPoint }],
      [
        'POST',
        apiPath('inviteDelegation'),
        { parliament: 'p'.repeat(161), country: 'KE', focalPoint },
      ],
      ['POST', apiPath('decideDelegates'), { delegateIds: [], decision: 'approve' }],
      ['POST', apiPath('decideDelegates'), { delegateIds: ['x'], decision: 'maybe' }],
    ];
    for (const [method, path, body] of bad) {
      expectRefused(
        await server.organiser.request<ApiError>(method, path, body),
        400,
        'validation_failed',
      );
    }
  });
});
