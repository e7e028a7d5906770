// Every library route that takes a body (issue 17), sent bodies bent out of shape from a valid
// one (helpers/hostileBodies.ts, seeded: FUZZ_SEED replays a run): each answer is a 4xx with its
// code or an acceptance, never a 5xx, and what the library holds afterwards still fits its schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPath,
  apiRoutes,
  practiceListSchema,
  practiceSchema,
  type ApiRouteName,
  type Practice,
} from '@draftroom/shared';
import { fuzzEveryBody, type FuzzTarget } from './helpers/bodyFuzzLoop.ts';
import type { Json } from './helpers/hostileBodies.ts';
import { approvedPractice, practiceInput } from './helpers/practiceFixtures.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const perTarget = Number(process.env.FUZZ_BODIES ?? 40);

interface Target extends FuzzTarget {
  path: string;
}

describe(`fuzzing the request bodies of the library (seed ${seed})`, () => {
  let server: TestServer;
  let practice: Practice;
  let other: Practice;
  const targets: Target[] = [];
  const target = (route: ApiRouteName, path: string, valid: unknown) =>
    targets.push({ route, path, valid: valid as Record<string, Json> });

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false' });
    practice = await approvedPractice(server.organiser);
    other = await approvedPractice(server.organiser, { title: 'Another practice' });
    // Sent back by the review target, so the merge's target stays approved (an approved practice
    // merges only into an approved one).
    const reviewed = await approvedPractice(server.organiser, { title: 'A reviewed practice' });
    const practiceId = practice.id;
    target('submitPractice', apiPath('submitPractice'), practiceInput());
    // A stale revision is answered 409: the valid body is the current one only at first.
    target('updatePractice', apiPath('updatePractice', { practiceId }), {
      ...practiceInput(),
      revision: practice.revision,
    });
    target('setPracticePublication', apiPath('setPracticePublication', { practiceId }), {
      public: true,
    });
    target('reviewPractice', apiPath('reviewPractice', { practiceId: reviewed.id }), {
      revision: reviewed.revision,
      to: 'changes-requested',
      note: 'Please add figures.',
    });
    target('updateLibrarySettings', apiPath('updateLibrarySettings'), { published: false });
    target('mergePractice', apiPath('mergePractice', { practiceId }), {
      revision: practice.revision + 1,
      into: other.id,
    });
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('has a valid sample body for every library route that takes one', () => {
    const mine: ApiRouteName[] = [
      'submitPractice',
      'updatePractice',
      'reviewPractice',
      'mergePractice',
      'setPracticePublication',
      'updateLibrarySettings',
    ];
    expect(mine.every((name) => 'request' in apiRoutes[name])).toBe(true);
    expect(targets.map((each) => each.route).sort()).toEqual([...mine].sort());
  });

  it('answers every bent body with a 4xx and its code, never a 5xx', async () => {
    await fuzzEveryBody({
      targets,
      seed,
      perTarget,
      send: (each, body) =>
        server.organiser.request(apiRoutes[each.route].method.toUpperCase(), each.path, body),
      validStatuses: [200, 201],
      // 404: an id in the body naming no practice; 409: a stale revision, a merged practice.
      allowed: [200, 201, 400, 404, 409, 413, 429],
      accepted: (each, body) => {
        if (each.route !== 'updateLibrarySettings') practiceSchema.parse(body);
      },
    });
  }, 180_000);

  it('holds afterwards only practices that fit the schema', async () => {
    const list = practiceListSchema.parse(
      (await server.organiser.request('GET', apiPath('listPractices'))).body,
    );
    expect(list.practices.length).toBeGreaterThanOrEqual(2);
    for (const each of list.practices) {
      practiceSchema.parse(
        (await server.organiser.request('GET', apiPath('getPractice', { practiceId: each.id })))
          .body,
      );
    }
  });
});
