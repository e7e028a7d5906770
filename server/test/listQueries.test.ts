// The organiser's lists cost a fixed number of SQL statements whatever the size of the event:
// they once ran a few queries per group (guides) and one per invite (invites). Counted with the
// server's own `draftroom_sql_queries_total`, so the test sees every statement Kysely runs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Guide, Invite } from '@draftroom/shared';
import { createCoCreationSession, createGroup, createInvite } from '../testing/index.ts';
import { metric } from './helpers/fixtures.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

describe('list queries do not grow with the event', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ SEED_DEMO: 'false' });
  });
  afterEach(async () => {
    await server.cleanup();
  });

  /** Statements run by one GET, and its answer. */
  const queriesFor = async <T>(path: string): Promise<{ queries: number; answer: T }> => {
    const before = await metric(server.url, 'draftroom_sql_queries_total');
    const answer = await server.organiser.expect<T>(200, 'GET', path);
    const after = await metric(server.url, 'draftroom_sql_queries_total');
    return { queries: after - before, answer };
  };

  /** Adds `count` groups to a new session, and an invite for each group and for the session. */
  const grow = async (count: number) => {
    const session = await createCoCreationSession(server.organiser, `Session of ${count}`);
    await createInvite(server.organiser, 'facilitator', { type: 'session', id: session.id });
    for (let index = 0; index < count; index++) {
      const group = await createGroup(server.organiser, session.id, `Group ${index}`);
      await createInvite(server.organiser, 'participant', { type: 'group', id: group.id });
    }
  };

  it('lists guides and invites with the same number of statements for 1 group or 13', async () => {
    await grow(1);
    const small = {
      guides: await queriesFor<{ guides: Guide[] }>('/api/guides'),
      invites: await queriesFor<{ invites: Invite[] }>('/api/invites'),
    };
    expect(small.guides.answer.guides).toHaveLength(1);
    expect(small.guides.queries).toBeGreaterThan(0);

    await grow(12);
    const large = {
      guides: await queriesFor<{ guides: Guide[] }>('/api/guides'),
      invites: await queriesFor<{ invites: Invite[] }>('/api/invites'),
    };
    expect(large.guides.answer.guides).toHaveLength(13);
    expect(large.invites.answer.invites.length).toBe(small.invites.answer.invites.length + 13);
    // Every invite still names its scope, read from the same few queries.
    for (const invite of large.invites.answer.invites) expect(invite.scopeName).not.toBe('');
    expect(large.guides.queries).toBe(small.guides.queries);
    expect(large.invites.queries).toBe(small.invites.queries);
  });
});
