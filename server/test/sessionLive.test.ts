// Running a session live (issue 11): timer, phase and announcements, the same in every group,
// changed only by those who run the session, heard by every open page within a second through
// the session's event stream, and kept across a restart; the console shows each group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPath,
  type Announcement,
  type BreakoutGroup,
  type ConferenceSession,
  type SessionConsole,
  type SessionLive,
} from '@draftroom/shared';
import { ApiClient, createCoCreationSession, createGroup, createInvite } from '../testing/index.ts';
import { connectSynced, storedText } from './helpers/collabAccess.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { listenToStream } from './helpers/eventStream.ts';
import { waitFor } from './helpers/waitFor.ts';

/** What a page's EventSource hears on the session's stream: each `live` message, parsed. */
async function listen(url: string, cookie: string | undefined, sessionId: string) {
  const heard = await listenToStream<SessionLive>(
    `${url}/api/sessions/${sessionId}/events`,
    cookie,
    'live',
  );
  return {
    ...heard,
    get changed() {
      return heard.messages.length;
    },
    get last() {
      return heard.messages.at(-1);
    },
  };
}

describe('running a session live', () => {
  let server: TestServer;
  let session: ConferenceSession;
  let groupA: BreakoutGroup;
  let groupB: BreakoutGroup;
  let facilitator: ApiClient;
  let amina: ApiClient;
  let bashir: ApiClient;
  const streams: Array<{ stop: () => void }> = [];

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    session = await createCoCreationSession(server.organiser, 'Live session');
    groupA = await createGroup(server.organiser, session.id, 'Group A');
    groupB = await createGroup(server.organiser, session.id, 'Group B');
    const join = async (
      role: 'facilitator' | 'participant',
      scope: { type: 'session' | 'group'; id: string },
    ) => ApiClient.join(server.url, (await createInvite(server.organiser, role, scope)).joinPath);
    facilitator = await join('facilitator', { type: 'session', id: session.id });
    amina = await join('participant', { type: 'group', id: groupA.id });
    bashir = await join('participant', { type: 'group', id: groupB.id });
  });
  afterAll(async () => {
    for (const stream of streams) stream.stop();
    await server?.cleanup();
  });

  const live = (who: ApiClient) =>
    who.expect<SessionLive>(200, 'GET', apiPath('sessionLive', { sessionId: session.id }));
  const timer = (body: unknown, status = 200) =>
    facilitator.expect<SessionLive>(
      status,
      'POST',
      apiPath('sessionTimer', { sessionId: session.id }),
      body,
    );

  it('a timer started by the facilitator reaches every group within a second, and runs on its own', async () => {
    const inA = await listen(server.url, amina.cookie, session.id);
    const inB = await listen(server.url, bashir.cookie, session.id);
    streams.push(inA, inB);
    await waitFor(() => expect([inA.changed, inB.changed]).toEqual([1, 1]));

    const started = await timer({ action: 'start', minutes: 20 });
    expect(started.timer).toMatchObject({ state: 'running', durationMs: 20 * 60_000 });
    await waitFor(() => expect([inA.changed, inB.changed]).toEqual([2, 2]), 1_000);
    const seen = await live(bashir);
    expect(seen.timer?.state).toBe('running');
    expect(seen.timer?.remainingMs).toBeLessThanOrEqual(20 * 60_000);
    expect(seen.timer?.remainingMs).toBeGreaterThan(19 * 60_000);
    expect(seen.canRun).toBe(false);
    expect((await live(facilitator)).canRun).toBe(true);

    const paused = await timer({ action: 'pause' });
    expect(paused.timer?.state).toBe('paused');
    await timer({ action: 'pause' }, 409);
    const extended = await timer({ action: 'extend', minutes: 5 });
    expect(extended.timer?.durationMs).toBe(25 * 60_000);
    await timer({ action: 'resume' });
  });

  it('refuses what is not a timer action, and participants may not run the session', async () => {
    for (const body of [
      { action: 'start', minutes: 0 },
      { action: 'start', minutes: 481 },
      { action: 'start', minutes: 2.5 },
      { action: 'start' },
      { action: 'explode' },
      { action: 'pause', minutes: 5 },
      'start',
    ]) {
      await timer(body, 400);
    }
    await amina.expect(403, 'POST', apiPath('sessionTimer', { sessionId: session.id }), {
      action: 'end',
    });
    await amina.expect(403, 'PUT', apiPath('sessionPhase', { sessionId: session.id }), {
      phase: 'review',
    });
    await facilitator.expect(400, 'PUT', apiPath('sessionPhase', { sessionId: session.id }), {
      phase: 'party',
    });
  });

  it('announces to every group or to one; each group sees only what is meant for it', async () => {
    const streamA = await listen(server.url, amina.cookie, session.id);
    const streamB = await listen(server.url, bashir.cookie, session.id);
    streams.push(streamA, streamB);
    const announce = (body: unknown, status = 201) =>
      facilitator.expect<Announcement>(
        status,
        'POST',
        apiPath('announce', { sessionId: session.id }),
        body,
      );
    await announce({ text: 'Ten minutes left for everyone.' });
    await announce({ text: 'Group A: add your checklist.', groupId: groupA.id });
    const forA = (await live(amina)).announcements.map((a) => a.text);
    const forB = (await live(bashir)).announcements.map((a) => a.text);
    expect(forA).toEqual(['Group A: add your checklist.', 'Ten minutes left for everyone.']);
    expect(forB).toEqual(['Ten minutes left for everyone.']);
    // The streams carry the same, cut to each person: group B never hears group A's message.
    await waitFor(() => {
      expect(streamA.last?.announcements.map((a) => a.text)).toEqual(forA);
      expect(streamB.last?.announcements.map((a) => a.text)).toEqual(forB);
    }, 1_000);
    expect(streamB.messages.flatMap((m) => m.announcements.map((a) => a.text))).not.toContain(
      'Group A: add your checklist.',
    );
    expect((await live(amina)).announcements[0]?.from).toMatch(/^Person \d+$/);

    // Hostile input costs only its sender: empty, too long, control characters, another session's group.
    await announce({ text: '' }, 400);
    await announce({ text: 'x'.repeat(501) }, 400);
    await announce({ text: 'Hidden\u202Eorder' }, 400);
    const other = await createCoCreationSession(server.organiser, 'Other session');
    const otherGroup = await createGroup(server.organiser, other.id, 'Elsewhere');
    await announce({ text: 'Wrong place', groupId: otherGroup.id }, 404);
  });

  it('the phase is the same in every group', async () => {
    await facilitator.expect(200, 'PUT', apiPath('sessionPhase', { sessionId: session.id }), {
      phase: 'wrap-up',
    });
    expect((await live(bashir)).phase).toBe('wrap-up');
    expect((await live(amina)).phase).toBe('wrap-up');
  });

  it('the console shows who is online in each group, words written and locks', async () => {
    const peer = await connectSynced({ wsUrl: server.wsUrl, cookie: amina.cookie }, groupA.guideId);
    try {
      peer.text.insert(0, 'Purpose of the guide, in five words');
      const console = () =>
        facilitator.expect<SessionConsole>(
          200,
          'GET',
          apiPath('sessionConsole', { sessionId: session.id }),
        );
      // Word counts may be up to 15 s old (each decodes the whole guide): ask once it is stored.
      await waitFor(async () =>
        expect(await storedText(server.server, groupA.guideId)).toContain('five words'),
      );
      await waitFor(async () => {
        const row = (await console()).groups.find((group) => group.groupId === groupA.id);
        expect(row?.words).toBe(7);
        expect(row?.online).toHaveLength(1);
      }, 10_000);
      await amina.expect(403, 'GET', apiPath('sessionConsole', { sessionId: session.id }));
    } finally {
      peer.destroy();
    }
  });

  it('the stream refuses who may not read the session, and a sign-in opening too many', async () => {
    expect((await listen(server.url, undefined, session.id)).status).toBe(401);
    expect((await listen(server.url, amina.cookie, 'no-such-session')).status).toBe(404);
    // Bashir holds two streams already (earlier tests): ten more fit, the next does not.
    const more = [];
    for (let index = 0; index < 10; index++)
      more.push(await listen(server.url, bashir.cookie, session.id));
    expect(more.map((stream) => stream.status)).toEqual(Array(10).fill(200));
    expect((await listen(server.url, bashir.cookie, session.id)).status).toBe(429);
    // Closing one makes room again.
    more[0]?.stop();
    await waitFor(async () => {
      const again = await listen(server.url, bashir.cookie, session.id);
      more.push(again);
      expect(again.status).toBe(200);
    });
    for (const stream of more) stream.stop();
  });

  it('a burst of changes is refused past 30 a minute, costing only its sender', async () => {
    const burst = [];
    for (let index = 0; index < 40; index++) {
      burst.push(
        await facilitator.request('PUT', apiPath('sessionPhase', { sessionId: session.id }), {
          phase: index % 2 === 0 ? 'drafting' : 'review',
        }),
      );
    }
    expect(burst.filter((response) => response.status === 429).length).toBeGreaterThan(0);
    // Reading is not limited, and the organiser (another person) still changes it.
    await live(facilitator);
    await server.organiser.expect(200, 'PUT', apiPath('sessionPhase', { sessionId: session.id }), {
      phase: 'wrap-up',
    });
  });

  it('phase, timer and announcements survive a restart', async () => {
    const before = await live(amina);
    await server.stop();
    server = await startTestServer({ SEED_DEMO: 'false' }, server.dataDir, server.organiser);
    const after = await amina
      .at(server.url)
      .expect<SessionLive>(200, 'GET', apiPath('sessionLive', { sessionId: session.id }));
    expect(after.phase).toBe(before.phase);
    expect(after.timer?.state).toBe('running');
    expect(after.timer?.durationMs).toBe(before.timer?.durationMs);
    expect(after.announcements).toEqual(before.announcements);
  });
});
