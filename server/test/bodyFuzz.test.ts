import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPath,
  askQuestionRequestSchema,
  createPollRequestSchema,
  apiRoutes,
  sessionInteractionSchema,
  type ApiRouteName,
  type ConferenceSession,
  type Poll,
  type Question,
} from '@draftroom/shared';
import {
  ApiClient,
  createCoCreationSession,
  createInvite,
  sampleProfile,
} from '../testing/index.ts';
import { hostileBodies, type Json } from './helpers/hostileBodies.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

// REST bodies under fire (the websocket has fuzz.test.ts): every body of the questions and polls
// API, bent out of shape a few hundred ways from a valid one. Nothing answers 5xx; a refusal is
// 400 with its code (413 when too large); and afterwards everything the session holds still
// passes the schemas a person's request must pass. The table must name every interaction route
// that takes a body, so a new message kind cannot go unfuzzed. FUZZ_SEED replays a run.
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const perTarget = Number(process.env.FUZZ_BODIES ?? 40);

/** What is wrong with a stored ballot for its poll (written apart from the server's check). */
function ballotProblem(
  poll: { kind: string; optionCount: number },
  { choices, words }: { choices: number[]; words: string[] },
): string | null {
  if (poll.kind === 'words') {
    if (choices.length > 0 || words.length < 1 || words.length > 3) return 'words';
    const fine = words.every((word) => askQuestionRequestSchema.safeParse({ text: word }).success);
    return fine && words.every((word) => word.length <= 40) ? null : 'a word';
  }
  if (words.length > 0) return 'words in a choice poll';
  const inRange = choices.every((c) => Number.isInteger(c) && c >= 0 && c < poll.optionCount);
  if (!inRange || new Set(choices).size !== choices.length) return 'choices';
  const expected = {
    single: [1, 1],
    multiple: [1, poll.optionCount],
    ranking: [poll.optionCount, poll.optionCount],
  }[poll.kind];
  return expected && choices.length >= expected[0]! && choices.length <= expected[1]!
    ? null
    : 'count';
}

interface Target {
  route: ApiRouteName;
  method: string;
  path: string;
  /** Who sends it; a ballot target has a queue of voters, each casting one ballot at most. */
  who: ApiClient;
  voters?: ApiClient[];
  valid: Record<string, Json>;
  /** Ballots only: the poll's kind and option count, to check what was stored. */
  poll?: { id: string; kind: string; optionCount: number; cast: ApiClient[] };
}

describe(`fuzzing the request bodies of the questions and polls API (seed ${seed})`, () => {
  let server: TestServer;
  let session: ConferenceSession;
  const targets: Target[] = [];

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    session = await createCoCreationSession(server.organiser, 'Fuzzed debate');
    const sessionId = session.id;
    const invite = await createInvite(server.organiser, 'participant', {
      type: 'session',
      id: sessionId,
    });
    const joinParticipant = () => ApiClient.join(server.url, invite.joinPath, sampleProfile());
    const participant = await joinParticipant();
    const moderator = server.organiser;
    const question = await moderator.expect<Question>(
      201,
      'POST',
      apiPath('askQuestion', { sessionId }),
      { text: 'A question to moderate' },
    );
    const openPoll = async (body: Record<string, Json>) => {
      const poll = await moderator.expect<Poll>(
        201,
        'POST',
        apiPath('createPoll', { sessionId }),
        body,
      );
      await moderator.expect(200, 'POST', apiPath('pollAction', { sessionId, pollId: poll.id }), {
        action: 'open',
      });
      return poll.id;
    };
    const options = ['Open data', 'البث المباشر', 'E-petitions'];
    const ballot = async (kind: string, valid: Record<string, Json>) => {
      const body: Record<string, Json> =
        kind === 'words' ? { kind, question: 'Words?' } : { kind, question: kind, options };
      const pollId = await openPoll(body);
      // One final ballot per person: each accepted body moves on to the next voter, so bodies
      // that pass the schema keep reaching the poll's own checks instead of `already_voted`.
      const voters = await Promise.all(Array.from({ length: 12 }, () => joinParticipant()));
      targets.push({
        route: 'castBallot',
        method: 'POST',
        path: apiPath('castBallot', { sessionId, pollId }),
        who: voters.shift()!,
        voters,
        valid,
        poll: { id: pollId, kind, optionCount: kind === 'words' ? 0 : options.length, cast: [] },
      });
    };
    await ballot('single', { choices: [1] });
    await ballot('multiple', { choices: [0, 2] });
    await ballot('ranking', { choices: [2, 0, 1] });
    await ballot('words', { words: ['trust', 'شفافية'] });
    const questionPath = { sessionId, questionId: question.id };
    const pollId = await openPoll({ kind: 'single', question: 'Acted on', options });
    targets.push(
      {
        route: 'askQuestion',
        method: 'POST',
        path: apiPath('askQuestion', { sessionId }),
        who: participant,
        valid: { text: 'كيف نبدأ؟', anonymous: true },
      },
      {
        route: 'moderateQuestion',
        method: 'PATCH',
        path: apiPath('moderateQuestion', questionPath),
        who: moderator,
        valid: { status: 'approved', pinned: false },
      },
      {
        route: 'questionSettings',
        method: 'PUT',
        path: apiPath('questionSettings', { sessionId }),
        who: moderator,
        valid: { moderated: false },
      },
      {
        route: 'createPoll',
        method: 'POST',
        path: apiPath('createPoll', { sessionId }),
        who: moderator,
        valid: { kind: 'ranking', question: 'Rank them', options },
      },
      {
        route: 'pollAction',
        method: 'POST',
        path: apiPath('pollAction', { sessionId, pollId }),
        who: moderator,
        valid: { action: 'reveal' },
      },
    );
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('has a valid sample body for every interaction route that takes one', () => {
    // The session's questions and polls (interactionRoutes, spread into the one table).
    const interaction = /^\/sessions\/:sessionId\/(questions|polls|question-settings)/;
    const withBodies = Object.entries(apiRoutes)
      .filter(([, route]) => 'request' in route && interaction.test(route.path))
      .map(([name]) => name);
    expect(withBodies.length).toBeGreaterThan(0);
    expect([...new Set(targets.map((target) => target.route))].sort()).toEqual(withBodies.sort());
  });

  it('answers every bent body with a 4xx and its code, never a 5xx', async () => {
    for (const [index, target] of targets.entries()) {
      // The sample itself is accepted, or the fuzz would only ever test the first check.
      const accepted = () => {
        if (!target.poll) return;
        target.poll.cast.push(target.who);
        const next = target.voters?.shift();
        if (next) target.who = next;
      };
      const first = await target.who.request(target.method, target.path, target.valid);
      if (first.status === 204) accepted();
      expect({ route: target.route, status: first.status }).toEqual({
        route: target.route,
        status: expect.toBeOneOf([200, 201, 204]) as unknown,
      });
      for (const body of hostileBodies(target.valid, seed + index, perTarget)) {
        const answer = await target.who.request(target.method, target.path, body);
        if (answer.status === 204) accepted();
        const seen = { route: target.route, body: JSON.stringify(body).slice(0, 200) };
        expect({ ...seen, status: answer.status }).toEqual({
          ...seen,
          status: expect.toBeOneOf([200, 201, 204, 400, 409, 413, 429]) as unknown,
        });
        if (answer.status === 400) {
          const code = (answer.body as { error: { code: string } }).error.code;
          expect({ ...seen, code }).toEqual({
            ...seen,
            code: expect.toBeOneOf(['validation_failed', 'invalid_json']) as unknown,
          });
        }
      }
    }
  }, 180_000);

  it('holds afterwards only what a person’s request may hold', async () => {
    const view = sessionInteractionSchema.parse(
      (
        await server.organiser.request(
          'GET',
          apiPath('sessionInteraction', { sessionId: session.id }),
        )
      ).body,
    );
    for (const question of view.questions) {
      expect(askQuestionRequestSchema.safeParse({ text: question.text }).success).toBe(true);
    }
    for (const poll of view.polls) {
      const { kind, question, options } = poll;
      expect(createPollRequestSchema.safeParse({ kind, question, options }).success).toBe(true);
      if (poll.kind !== 'words') expect(poll.results?.votes).toHaveLength(poll.options.length);
      // Each ballot counted once: as many first places as ballots.
      const firsts = (poll.results?.votes ?? []).reduce((sum, votes) => sum + votes, 0);
      if (poll.kind === 'single' || poll.kind === 'ranking') expect(firsts).toBe(poll.ballots);
    }
    // Every stored ballot fits its poll, read back by its voter.
    for (const { poll } of targets) {
      if (!poll) continue;
      expect(view.polls.find((each) => each.id === poll.id)?.ballots).toBe(poll.cast.length);
      for (const voter of poll.cast) {
        const mine = sessionInteractionSchema
          .parse(
            (await voter.request('GET', apiPath('sessionInteraction', { sessionId: session.id })))
              .body,
          )
          .polls.find((each) => each.id === poll.id)?.myBallot;
        expect(mine).toBeTruthy();
        expect(ballotProblem(poll, mine!), JSON.stringify(mine)).toBeNull();
      }
    }
  });
});
