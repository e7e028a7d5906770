// The fuzz test's rule for every new body, for the personal programme (issue 16): setting one's
// audiences and planning to attend a session, bent a few hundred ways from a valid sample
// (seeded, like bodyFuzz.test.ts), never answer 5xx, and afterwards what the person's programme
// holds still passes the schemas. A programme route that takes a body and has no sample here
// fails the first test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPath,
  apiRoutes,
  personalProgrammeSchema,
  setAudiencesRequestSchema,
  type ApiRouteName,
} from '@draftroom/shared';
import { createCoCreationSession, createInvite, ApiClient } from '../testing/index.ts';
import { hostileBodies, type Json } from './helpers/hostileBodies.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const perTarget = Number(process.env.FUZZ_BODIES ?? 40);

interface Target {
  route: ApiRouteName;
  path: string;
  valid: Record<string, Json>;
}

describe(`fuzzing the request bodies of the personal programme (seed ${seed})`, () => {
  let server: TestServer;
  let participant: ApiClient;
  let sessionId = '';
  const targets: Target[] = [];

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    const session = await createCoCreationSession(server.organiser, 'Fuzzed workshop');
    sessionId = session.id;
    const invite = await createInvite(server.organiser, 'participant', {
      type: 'session',
      id: session.id,
    });
    participant = await ApiClient.join(server.url, invite.joinPath);
    targets.push(
      {
        route: 'setAudiences',
        path: apiPath('setAudiences'),
        valid: { audiences: ['social-media', 'citizen-engagement'] },
      },
      {
        route: 'planAttendance',
        path: apiPath('planAttendance', { sessionId }),
        valid: { planned: true },
      },
    );
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('has a valid sample body for every programme route that takes one', () => {
    const programmeRoute = /^\/me\/(audiences|programme|calendar)|\/attendance$/;
    const withBodies = Object.entries(apiRoutes)
      .filter(([, route]) => 'request' in route && programmeRoute.test(route.path))
      .map(([name]) => name);
    expect(withBodies.length).toBeGreaterThan(0);
    expect(targets.map((target) => target.route).sort()).toEqual(withBodies.sort());
  });

  it('answers every bent body with a 4xx and its code, never a 5xx', async () => {
    for (const [index, target] of targets.entries()) {
      const first = await participant.request('PUT', target.path, target.valid);
      expect({ route: target.route, status: first.status }).toEqual({
        route: target.route,
        status: 200,
      });
      for (const body of hostileBodies(target.valid, seed + index, perTarget)) {
        const answer = await participant.request('PUT', target.path, body);
        const seen = { route: target.route, body: JSON.stringify(body).slice(0, 200) };
        expect({ ...seen, status: answer.status }).toEqual({
          ...seen,
          status: expect.toBeOneOf([200, 400, 413, 429]) as unknown,
        });
        if (answer.status === 200) {
          // What was accepted is a programme that fits its schema, audiences each once.
          const programme = personalProgrammeSchema.parse(answer.body);
          expect(setAudiencesRequestSchema.safeParse(programme).success).toBe(true);
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
  }, 120_000);

  it('holds afterwards only known audiences, each once, and only sessions of the event', async () => {
    const programme = personalProgrammeSchema.parse(
      (await participant.request('GET', apiPath('personalProgramme'))).body,
    );
    expect(setAudiencesRequestSchema.safeParse(programme).success).toBe(true);
    expect(programme.plannedSessionIds.every((id) => id === sessionId)).toBe(true);
  });
});
