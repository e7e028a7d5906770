// The fuzz test's rule for every new message kind, for dot votes (issue 15): the bodies of
// opening a vote and placing dots, bent a few hundred ways from a valid sample (seeded, like
// bodyFuzz.test.ts), never answer 5xx, and afterwards every stored allocation still fits its
// vote. A dot-vote route that takes a body and has no sample here fails the first test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath, apiRoutes, guideDotVotesSchema, type DotVote } from '@draftroom/shared';
import {
  createCoCreationSession,
  groupWithParticipants,
  type ApiClient,
} from '../testing/index.ts';
import { writeBlocks } from './helpers/dotVoteFixtures.ts';
import { hostileBodies, type Json } from './helpers/hostileBodies.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const perTarget = Number(process.env.FUZZ_BODIES ?? 40);

/** Whole, not negative, and no more than the vote's dots in all. */
const fits = (myDots: readonly number[], dots: number) =>
  myDots.every((each) => Number.isInteger(each) && each >= 0) &&
  myDots.reduce((sum, each) => sum + each, 0) <= dots;

interface Target {
  route: string;
  method: 'POST' | 'PUT';
  path: string;
  who: ApiClient;
  valid: Record<string, Json>;
}

describe(`fuzzing the request bodies of dot votes (seed ${seed})`, () => {
  let server: TestServer;
  let participant: ApiClient;
  let votedGuide = '';
  const targets: Target[] = [];

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    const session = await createCoCreationSession(server.organiser, 'Fuzzed exchange');
    const guideWith = async (name: string) => {
      const made = await groupWithParticipants(server.organiser, server.url, session.id, name, 1);
      await writeBlocks(
        server.server,
        made.group.guideId,
        [
          { heading: 'Purpose' },
          { heading: 'Good practices' },
          { bullets: ['Publish votes within a day', 'بث كل لجنة'] },
          { heading: 'Checklist' },
        ],
        { replace: true },
      );
      return { guideId: made.group.guideId, member: made.participants[0]! };
    };
    const opened = await guideWith('Fuzzed group A');
    const placed = await guideWith('Fuzzed group B');
    participant = placed.member;
    votedGuide = placed.guideId;
    const vote = await server.organiser.expect<DotVote>(
      201,
      'POST',
      apiPath('openDotVote', { guideId: placed.guideId }),
      { title: 'Which sections stay?', source: 'sections', dots: 3 },
    );
    targets.push(
      {
        route: 'openDotVote',
        method: 'POST',
        path: apiPath('openDotVote', { guideId: opened.guideId }),
        who: server.organiser,
        valid: { title: 'Which practices?', source: 'items', section: 'Good practices', dots: 2 },
      },
      {
        route: 'placeDots',
        method: 'PUT',
        path: apiPath('placeDots', { guideId: placed.guideId, voteId: vote.id }),
        who: participant,
        valid: { dots: [1, 0, 2] },
      },
    );
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('has a valid sample body for every dot-vote route that takes one', () => {
    const withBodies = Object.entries(apiRoutes)
      .filter(([, route]) => 'request' in route && route.path.includes('/dot-votes'))
      .map(([name]) => name);
    expect(withBodies.length).toBeGreaterThan(0);
    expect(targets.map((target) => target.route).sort()).toEqual(withBodies.sort());
  });

  it('answers every bent body with a 4xx and its code, never a 5xx', async () => {
    for (const [index, target] of targets.entries()) {
      const first = await target.who.request(target.method, target.path, target.valid);
      expect({ route: target.route, status: first.status }).toEqual({
        route: target.route,
        status: expect.toBeOneOf([200, 201]) as unknown,
      });
      for (const body of hostileBodies(target.valid, seed + index, perTarget)) {
        const answer = await target.who.request(target.method, target.path, body);
        const seen = { route: target.route, body: JSON.stringify(body).slice(0, 200) };
        // 409: the guide already has an open vote (the sample opened one), or too few items.
        expect({ ...seen, status: answer.status }).toEqual({
          ...seen,
          status: expect.toBeOneOf([200, 201, 400, 409, 413, 429]) as unknown,
        });
        // An allocation is replaced whole, so each accepted one is checked as it is answered.
        if (target.route === 'placeDots' && answer.status === 200) {
          const { myDots, dots } = answer.body as DotVote;
          expect({ ...seen, fits: fits(myDots, dots) }).toEqual({ ...seen, fits: true });
        }
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

  it('holds afterwards only an allocation that fits its vote', async () => {
    const view = guideDotVotesSchema.parse(
      (await participant.request('GET', apiPath('guideDotVotes', { guideId: votedGuide }))).body,
    );
    const vote = view.votes[0]!;
    expect(vote.myDots).toHaveLength(vote.items.length);
    expect(fits(vote.myDots, vote.dots)).toBe(true);
  });
});
