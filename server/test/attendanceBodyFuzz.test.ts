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
import { fuzzEveryBody } from './helpers/bodyFuzzLoop.ts';
import type { Json } from './helpers/hostileBodies.ts';
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
    await fuzzEveryBody({
      targets,
      seed,
      perTarget,
      send: (target, body) => participant.request('PUT', target.path, body),
      validStatuses: [200],
      allowed: [200, 400, 413, 429],
      accepted: (_target, body) => {
        // What was accepted is a programme that fits its schema, audiences each once.
        const programme = personalProgrammeSchema.parse(body);
        expect(setAudiencesRequestSchema.safeParse(programme).success).toBe(true);
      },
    });
  }, 120_000);

  it('holds afterwards only known audiences, each once, and only sessions of the event', async () => {
    const programme = personalProgrammeSchema.parse(
      (await participant.request('GET', apiPath('personalProgramme'))).body,
    );
    expect(setAudiencesRequestSchema.safeParse(programme).success).toBe(true);
    expect(programme.plannedSessionIds.every((id) => id === sessionId)).toBe(true);
  });
});
