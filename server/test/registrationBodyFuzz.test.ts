// The fuzz test's rule for every new message kind, for registration (issue 16): the bodies of
// every registration route, bent a few hundred ways from a valid sample (seeded, like
// bodyFuzz.test.ts), never answer 5xx, and afterwards every delegation still fits the rules
// (at most `maxDelegates`, emails distinct regardless of case, and the organisers' view parses).
// A registration route that takes a body and has no sample here fails the first test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPath,
  apiRoutes,
  maxDelegates,
  registrationOverviewSchema,
  type Delegate,
} from '@draftroom/shared';
import type { ApiClient } from '../testing/index.ts';
import { hostileBodies, type Json } from './helpers/hostileBodies.ts';
import {
  anonymous,
  delegate,
  focalPoint,
  inviteParliament,
  openRegistration,
  saveDelegation,
  tokenOf,
} from './helpers/registrationFixtures.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const perTarget = Number(process.env.FUZZ_BODIES ?? 40);

interface Target {
  route: string;
  method: 'POST' | 'PUT' | 'PATCH';
  path: string;
  /** The organiser, or nobody (a focal point's link needs no sign-in). */
  who: ApiClient | null;
  valid: Record<string, Json>;
}

describe(`fuzzing the request bodies of registration (seed ${seed})`, () => {
  let server: TestServer;
  const targets: Target[] = [];
  const send = (target: Target, body: Json) =>
    target.who
      ? target.who.request(target.method, target.path, body)
      : anonymous(server.url, target.method, target.path, body);

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    const settings = await openRegistration(server.organiser);
    const invited = await inviteParliament(server.organiser, { parliament: 'Fuzzed parliament' });
    const [first] = (
      await saveDelegation(server.url, invited.token, [delegate('first@parl.example')])
    ).delegates as [Delegate];
    const publicToken = tokenOf(settings.publicPath ?? '');
    targets.push(
      // First: a bent save may remove the delegate it decides on.
      {
        route: 'decideDelegates',
        method: 'POST',
        path: apiPath('decideDelegates'),
        who: server.organiser,
        valid: { delegateIds: [first.id], decision: 'approve' },
      },
      {
        route: 'saveDelegation',
        method: 'PUT',
        path: apiPath('saveDelegation', { token: invited.token }),
        who: null,
        valid: {
          focalPoint,
          delegates: [
            { ...delegate('first@parl.example'), id: first.id },
            delegate('second@parl.example', { name: 'نور الهدى', preferredLanguage: 'ar' }),
          ],
        },
      },
      {
        route: 'startDelegation',
        method: 'POST',
        path: apiPath('startDelegation', { token: publicToken }),
        who: null,
        valid: { parliament: 'Fuzzed public parliament', country: 'BR', focalPoint },
      },
      {
        route: 'inviteDelegation',
        method: 'POST',
        path: apiPath('inviteDelegation'),
        who: server.organiser,
        valid: { parliament: 'Fuzzed invited parliament', country: 'NZ', focalPoint },
      },
      {
        route: 'updateDelegation',
        method: 'PATCH',
        path: apiPath('updateDelegation', { delegationId: invited.delegation.id }),
        who: server.organiser,
        valid: {
          parliament: 'Fuzzed parliament',
          country: 'KE',
          focalPoint,
          reopenedUntil: new Date(Date.now() + 86_400_000).toISOString(),
        },
      },
      // Last: a bent body may close registration, which the other targets would then meet.
      {
        route: 'registrationSettings',
        method: 'PUT',
        path: apiPath('registrationSettings'),
        who: server.organiser,
        valid: { open: true, deadline: null, publicPage: true },
      },
    );
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('has a valid sample body for every registration route that takes one', () => {
    const withBodies = Object.entries(apiRoutes)
      .filter(([, route]) => 'request' in route && route.path.startsWith('/registration'))
      .map(([name]) => name);
    expect(withBodies.length).toBeGreaterThan(0);
    expect(targets.map((target) => target.route).sort()).toEqual(withBodies.sort());
  });

  it('answers every bent body with a 4xx and its code, never a 5xx', async () => {
    for (const [index, target] of targets.entries()) {
      const first = await send(target, target.valid);
      expect({ route: target.route, status: first.status }).toEqual({
        route: target.route,
        status: expect.toBeOneOf([200, 201]) as unknown,
      });
      for (const body of hostileBodies(target.valid, seed + index, perTarget)) {
        const answer = await send(target, body);
        const seen = { route: target.route, body: JSON.stringify(body).slice(0, 200) };
        // 404: an id in the body that names no delegate; 409: a rule (an approved delegate).
        expect({ ...seen, status: answer.status }).toEqual({
          ...seen,
          status: expect.toBeOneOf([200, 201, 400, 404, 409, 413, 429]) as unknown,
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

  it('holds afterwards only delegations that fit the rules', async () => {
    const view = registrationOverviewSchema.parse(
      (await server.organiser.request('GET', apiPath('registrationOverview'))).body,
    );
    expect(view.delegations.length).toBeGreaterThan(0);
    const keys = new Set<string>();
    for (const delegation of view.delegations) {
      expect(delegation.delegates.length).toBeLessThanOrEqual(maxDelegates);
      for (const each of delegation.delegates) {
        const key = each.email.toLowerCase();
        expect(keys.has(key)).toBe(false);
        keys.add(key);
      }
    }
  });
});
