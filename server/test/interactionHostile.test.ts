// Questions and polls under attack (issue 15): one person firing the same vote from two sign-ins
// at once, ids of other sessions and events in this session's paths, peeking at what the
// audience must not see, voting after the close, bodies of every wrong shape and size, and
// floods. Every refusal has its status and code; nothing answers 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPath,
  type ConferenceSession,
  type CreatedInvite,
  type Poll,
  type Question,
  type SessionInteraction,
} from '@draftroom/shared';
import {
  ApiClient,
  createCoCreationSession,
  createInvite,
  sampleProfile,
} from '../testing/index.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { anotherEventOrganiser } from './helpers/actors.ts';

describe('the questions and polls API against hostile callers', () => {
  let server: TestServer;
  let session: ConferenceSession;
  let otherSession: ConferenceSession;
  let facilitator: ApiClient;
  let stranger: ApiClient;
  let strangerSession: ConferenceSession;

  const join = async (name = 'Participant', on: ConferenceSession = session) =>
    ApiClient.join(
      server.url,
      (
        await createInvite(
          server.organiser,
          name === 'Facilitator' ? 'facilitator' : 'participant',
          {
            type: 'session',
            id: on.id,
          },
        )
      ).joinPath,
      sampleProfile({ displayName: name }),
    );
  /** A second sign-in of the same person (a personal link joined in another browser). */
  const secondSignIn = async (who: ApiClient) => {
    const link = await server.organiser.expect<CreatedInvite>(
      201,
      'POST',
      apiPath('personLink', { personId: who.personId }),
    );
    return ApiClient.join(server.url, link.joinPath, sampleProfile());
  };
  const read = (who: ApiClient, on: ConferenceSession = session) =>
    who.expect<SessionInteraction>(200, 'GET', apiPath('sessionInteraction', { sessionId: on.id }));
  const ask = (who: ApiClient, text: string, on: ConferenceSession = session) =>
    who.expect<Question>(201, 'POST', apiPath('askQuestion', { sessionId: on.id }), { text });
  const makePoll = async (
    by: ApiClient,
    on: ConferenceSession,
    body: unknown,
    ...actions: string[]
  ) => {
    const poll = await by.expect<Poll>(
      201,
      'POST',
      apiPath('createPoll', { sessionId: on.id }),
      body,
    );
    for (const action of actions) {
      await by.expect(200, 'POST', apiPath('pollAction', { sessionId: on.id, pollId: poll.id }), {
        action,
      });
    }
    return poll;
  };
  const choice = { kind: 'single', question: 'Which?', options: ['A', 'B', 'C'] };
  const ballotPath = (pollId: string, on: ConferenceSession = session) =>
    apiPath('castBallot', { sessionId: on.id, pollId });
  const codeOf = (body: unknown) => (body as { error?: { code?: string } }).error?.code;

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    session = await createCoCreationSession(server.organiser, 'Hostile debate');
    otherSession = await createCoCreationSession(server.organiser, 'Another debate');
    facilitator = await join('Facilitator');
    stranger = await anotherEventOrganiser(server);
    strangerSession = await createCoCreationSession(stranger, 'Their debate');
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('counts one ballot and one vote when 20 arrive at once from two sign-ins of one person', async () => {
    const amina = await join('Amina');
    const again = await secondSignIn(amina);
    const poll = await makePoll(facilitator, session, choice, 'open');
    const question = await ask(facilitator, 'Counted once?');
    const fire = (path: string, body?: unknown) =>
      Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          (index % 2 ? again : amina).request('POST', path, body),
        ),
      );
    for (const answers of [
      await fire(ballotPath(poll.id), { choices: [1] }),
      await fire(apiPath('voteForQuestion', { sessionId: session.id, questionId: question.id })),
    ]) {
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses).toEqual([204, ...Array<number>(19).fill(409)]);
      for (const answer of answers.filter((each) => each.status === 409)) {
        expect(codeOf(answer.body)).toBe('already_voted');
      }
    }
    const seen = await read(facilitator);
    expect(seen.polls.find((each) => each.id === poll.id)).toMatchObject({
      ballots: 1,
      results: { votes: [0, 1, 0] },
    });
    expect(seen.questions.find((each) => each.id === question.id)?.votes).toBe(1);
  });

  it('finds no question or poll of another session or event through this session’s path', async () => {
    const bashir = await join('Bashir');
    const elsewhere = await ask(server.organiser, 'Asked in another session', otherSession);
    const elsewherePoll = await makePoll(server.organiser, otherSession, choice, 'open');
    const theirs = await makePoll(stranger, strangerSession, choice, 'open');
    const theirQuestion = await ask(stranger, 'Asked in another event', strangerSession);
    const inSession = (questionId: string) => ({ sessionId: session.id, questionId });
    for (const questionId of [elsewhere.id, theirQuestion.id]) {
      const vote = await bashir.request('POST', apiPath('voteForQuestion', inSession(questionId)));
      expect(vote.status).toBe(404);
      const moderate = await facilitator.request(
        'PATCH',
        apiPath('moderateQuestion', inSession(questionId)),
        { status: 'hidden' },
      );
      expect(moderate.status).toBe(404);
    }
    for (const pollId of [elsewherePoll.id, theirs.id]) {
      expect((await bashir.request('POST', ballotPath(pollId), { choices: [0] })).status).toBe(404);
      const action = apiPath('pollAction', { sessionId: session.id, pollId });
      expect((await facilitator.request('POST', action, { action: 'close' })).status).toBe(404);
      const remove = apiPath('deletePoll', { sessionId: session.id, pollId });
      expect((await server.organiser.request('DELETE', remove)).status).toBe(404);
    }
    // Another event's session itself is not found either, whatever the ids.
    expect(
      (await bashir.request('POST', ballotPath(theirs.id, strangerSession), { choices: [0] }))
        .status,
    ).toBe(404);
    expect(
      (
        await bashir.request(
          'GET',
          apiPath('sessionInteraction', { sessionId: strangerSession.id }),
        )
      ).status,
    ).toBe(404);
    // Nothing moved: their poll has no ballot, the other session's question is on its list.
    expect((await read(stranger, strangerSession)).polls[0]?.ballots).toBe(0);
    expect((await read(server.organiser, otherSession)).questions[0]?.status).toBe('approved');
  });

  it('shows the audience no draft poll, no held or hidden question of others, no unrevealed result', async () => {
    const asker = await join('Asker');
    const audience = await join('Audience');
    const hidden = await ask(asker, 'To be hidden');
    await facilitator.expect(
      200,
      'PATCH',
      apiPath('moderateQuestion', { sessionId: session.id, questionId: hidden.id }),
      { status: 'hidden' },
    );
    await facilitator.expect(200, 'PUT', apiPath('questionSettings', { sessionId: session.id }), {
      moderated: true,
    });
    const held = await ask(asker, 'Held for approval');
    await facilitator.expect(200, 'PUT', apiPath('questionSettings', { sessionId: session.id }), {
      moderated: false,
    });
    const draft = await makePoll(facilitator, session, { ...choice, question: 'Draft only' });
    const running = await makePoll(facilitator, session, choice, 'open');
    await facilitator.expect(204, 'POST', ballotPath(running.id), { choices: [2] });

    const seen = await read(audience);
    const questionIds = seen.questions.map((question) => question.id);
    expect(questionIds).not.toContain(hidden.id);
    expect(questionIds).not.toContain(held.id);
    expect(seen.polls.map((poll) => poll.id)).not.toContain(draft.id);
    expect(seen.polls.find((poll) => poll.id === running.id)).toMatchObject({
      ballots: 1,
      results: null,
    });
    expect(JSON.stringify(seen)).not.toContain('Draft only');
    // And acting on them is "not found", as if they did not exist.
    expect((await audience.request('POST', ballotPath(draft.id), { choices: [0] })).status).toBe(
      404,
    );
    for (const questionId of [hidden.id, held.id]) {
      const path = apiPath('voteForQuestion', { sessionId: session.id, questionId });
      expect((await audience.request('POST', path)).status).toBe(404);
    }
  });

  it('refuses ballots once the poll is closed, and keeps a ballot final across a reopening', async () => {
    const late = await join('Late');
    const early = await join('Early');
    const poll = await makePoll(facilitator, session, choice, 'open');
    await early.expect(204, 'POST', ballotPath(poll.id), { choices: [0] });
    await facilitator.expect(
      200,
      'POST',
      apiPath('pollAction', { sessionId: session.id, pollId: poll.id }),
      { action: 'close' },
    );
    const closed = await late.request('POST', ballotPath(poll.id), { choices: [1] });
    expect(closed.status).toBe(409);
    expect(codeOf(closed.body)).toBe('conflict');
    await facilitator.expect(
      200,
      'POST',
      apiPath('pollAction', { sessionId: session.id, pollId: poll.id }),
      { action: 'open' },
    );
    expect((await early.request('POST', ballotPath(poll.id), { choices: [1] })).status).toBe(409);
    await late.expect(204, 'POST', ballotPath(poll.id), { choices: [1] });
    const seen = (await read(facilitator)).polls.find((each) => each.id === poll.id);
    expect(seen?.results?.votes).toEqual([1, 1, 0]);
  });

  it('refuses bodies of every wrong shape with 400 (413 when huge), never 500', async () => {
    const voter = await join('Voter');
    const single = await makePoll(facilitator, session, choice, 'open');
    const multiple = await makePoll(
      facilitator,
      session,
      { ...choice, kind: 'multiple', question: 'Several?' },
      'open',
    );
    const cloud = await makePoll(
      facilitator,
      session,
      { kind: 'words', question: 'Words?' },
      'open',
    );
    const question = await ask(facilitator, 'Moderate me');
    const raw = async (path: string, body: string, contentType = 'application/json') => {
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { cookie: voter.cookie, 'content-type': contentType },
        body,
      });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    const askPath = apiPath('askQuestion', { sessionId: session.id });
    const huge = JSON.stringify({ text: 'x'.repeat(3 * 1024 * 1024) });
    expect((await raw(askPath, huge)).status).toBe(413);
    for (const [path, body, type] of [
      [askPath, '{"text": "unfinished', 'application/json'],
      [askPath, 'text=hello', 'application/x-www-form-urlencoded'],
      [askPath, 'hello', 'text/plain'],
      [ballotPath(single.id), '{"choices":[NaN]}', 'application/json'],
      [ballotPath(single.id), '{"choices":[1e400]}', 'application/json'],
      [askPath, '{"__proto__":{"admin":true},"text":"ok"}', 'application/json'],
    ] as const) {
      const answer = await raw(path, body, type);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
    }

    const refusals: Array<[string, string, unknown]> = [
      ...[
        { text: 'x'.repeat(10_000) },
        { text: 5 },
        { text: null },
        { text: ['a'] },
        { text: 'ok', anonymous: 1 },
        { text: 'Hidden \u202Eevil' },
        { text: '\u2066isolated\u2069' },
        { text: '\u200B\u200B' },
        { text: 'ok', extra: true },
        [],
        'a question',
        null,
      ].map((body): [string, string, unknown] => ['POST', askPath, body]),
      ...[
        { choices: [1e9] },
        { choices: [-1] },
        { choices: [0.5] },
        { choices: Array<number>(13).fill(0) },
        { choices: [3] },
        { choices: '0' },
        { choices: ['0'] },
        { choices: [0], extra: 1 },
        { choices: [0], words: ['a'] },
        {},
        { choices: [] },
        { choices: [0, 1] },
        { words: ['trust'] },
      ].map((body): [string, string, unknown] => ['POST', ballotPath(single.id), body]),
      ['POST', ballotPath(multiple.id), { choices: [0, 0] }],
      ...[
        { words: ['\u202Eword'] },
        { words: ['\u2066x\u2069'] },
        { words: ['a', 'b', 'c', 'd'] },
        { words: [] },
        { words: ['x'.repeat(41)] },
        { words: [7] },
        { words: 'trust' },
        { choices: [0] },
      ].map((body): [string, string, unknown] => ['POST', ballotPath(cloud.id), body]),
    ];
    for (const [method, path, body] of refusals) {
      const answer = await voter.request(method, path, body);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
      expect(['validation_failed', 'invalid_json']).toContain(codeOf(answer.body));
    }
    const moderatorRefusals: Array<[string, string, unknown]> = [
      ...[
        { status: 'deleted' },
        { pinned: 'yes' },
        {},
        { status: null },
        { status: ['hidden'] },
      ].map((body): [string, string, unknown] => [
        'PATCH',
        apiPath('moderateQuestion', { sessionId: session.id, questionId: question.id }),
        body,
      ]),
      ...[
        { ...choice, options: Array.from({ length: 13 }, (_, index) => `Option ${index}`) },
        { ...choice, options: ['A', '\u202EB'] },
        { ...choice, question: 'q'.repeat(301) },
        { ...choice, kind: 'vote' },
        { ...choice, options: 'A,B' },
        { ...choice, options: [1, 2] },
        { ...choice, options: ['A', 'a'] },
      ].map((body): [string, string, unknown] => [
        'POST',
        apiPath('createPoll', { sessionId: session.id }),
        body,
      ]),
      ...[{ action: 'delete' }, { action: ['open'] }, {}].map((body): [string, string, unknown] => [
        'POST',
        apiPath('pollAction', { sessionId: session.id, pollId: single.id }),
        body,
      ]),
      ...[{ moderated: 'true' }, {}, { moderated: true, x: 1 }].map(
        (body): [string, string, unknown] => [
          'PUT',
          apiPath('questionSettings', { sessionId: session.id }),
          body,
        ],
      ),
    ];
    for (const [method, path, body] of moderatorRefusals) {
      const answer = await facilitator.request(method, path, body);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
    }
    // Nothing of it landed: no ballot in the three polls, no new question or poll.
    const seen = await read(facilitator);
    for (const poll of [single, multiple, cloud]) {
      expect(seen.polls.find((each) => each.id === poll.id)?.ballots).toBe(0);
    }
    expect(seen.questions.filter((each) => each.text.includes('ok'))).toEqual([]);
    expect(
      seen.polls.filter((each) => each.question === 'Which?' && each.options.length !== 3),
    ).toEqual([]);
  });

  it('answers a flood with 429 and Retry-After', async () => {
    const flooder = await join('Flooder');
    const post = (path: string, body?: unknown, method = 'POST') =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { cookie: flooder.cookie, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const askPath = apiPath('askQuestion', { sessionId: session.id });
    for (let index = 0; index < 10; index++) {
      expect((await post(askPath, { text: `Question ${index}` })).status).toBe(201);
    }
    const asked = await post(askPath, { text: 'One too many' });
    expect(asked.status).toBe(429);
    expect(codeOf(await asked.json())).toBe('rate_limited');
    const wait = Number(asked.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);

    // Votes: taking back a vote one never gave still counts, so a loop of them is a flood too.
    const target = await ask(facilitator, 'Flood target');
    const unvote = apiPath('withdrawQuestionVote', {
      sessionId: session.id,
      questionId: target.id,
    });
    const statuses: number[] = [];
    for (let index = 0; index < 61; index++)
      statuses.push((await post(unvote, undefined, 'DELETE')).status);
    expect(statuses.slice(0, 60).every((status) => status === 204)).toBe(true);
    expect(statuses[60]).toBe(429);
    const voted = await post(
      apiPath('voteForQuestion', { sessionId: session.id, questionId: target.id }),
    );
    expect(voted.status).toBe(429);
    expect(Number(voted.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});
