// Interactive sessions (issue 15): questions voted up and moderated, polls opened, revealed and
// closed, each person counted once whatever they send twice, and every open page of the session
// hearing each change within a second on the session's event stream.
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
import { listenToStream } from './helpers/eventStream.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

describe('questions and polls of a session', () => {
  let server: TestServer;
  let session: ConferenceSession;
  let facilitator: ApiClient;
  let amina: ApiClient;
  let bashir: ApiClient;
  let observer: ApiClient;
  const streams: Array<{ stop: () => void }> = [];

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000' });
    session = await createCoCreationSession(server.organiser, 'Thought-leader debate');
    const scope = { type: 'session' as const, id: session.id };
    const join = async (role: 'facilitator' | 'participant' | 'observer', name?: string) =>
      ApiClient.join(
        server.url,
        (await createInvite(server.organiser, role, scope)).joinPath,
        sampleProfile(name ? { displayName: name } : {}),
      );
    facilitator = await join('facilitator');
    amina = await join('participant');
    bashir = await join('participant', 'Bashir Haddad');
    observer = await join('observer');
  });
  afterAll(async () => {
    for (const stream of streams) stream.stop();
    await server?.cleanup();
  });

  const sessionId = () => session.id;
  const read = (who: ApiClient) =>
    who.expect<SessionInteraction>(
      200,
      'GET',
      apiPath('sessionInteraction', { sessionId: sessionId() }),
    );
  const ask = (who: ApiClient, body: unknown, status = 201) =>
    who.expect<Question>(status, 'POST', apiPath('askQuestion', { sessionId: sessionId() }), body);
  const moderate = (who: ApiClient, questionId: string, body: unknown, status = 200) =>
    who.expect<Question>(
      status,
      'PATCH',
      apiPath('moderateQuestion', { sessionId: sessionId(), questionId }),
      body,
    );
  const vote = (who: ApiClient, questionId: string, status = 204) =>
    who.expect(status, 'POST', apiPath('voteForQuestion', { sessionId: sessionId(), questionId }));
  const createPoll = (body: unknown, status = 201) =>
    facilitator.expect<Poll>(
      status,
      'POST',
      apiPath('createPoll', { sessionId: sessionId() }),
      body,
    );
  const act = (pollId: string, action: string, status = 200) =>
    facilitator.expect<Poll>(
      status,
      'POST',
      apiPath('pollAction', { sessionId: sessionId(), pollId }),
      { action },
    );
  const ballot = (who: ApiClient, pollId: string, body: unknown, status = 204) =>
    who.expect(status, 'POST', apiPath('castBallot', { sessionId: sessionId(), pollId }), body);
  /** A second browser of the same person: a personal link, joined again. */
  const secondBrowserOf = async (who: ApiClient) => {
    const link = await server.organiser.expect<CreatedInvite>(
      201,
      'POST',
      apiPath('personLink', { personId: who.personId }),
    );
    return ApiClient.join(server.url, link.joinPath, sampleProfile());
  };

  it('holds questions for approval, shows askers their own, and counts the hidden ones', async () => {
    await facilitator.expect(200, 'PUT', apiPath('questionSettings', { sessionId: session.id }), {
      moderated: true,
    });
    const held = await ask(amina, { text: 'How do small parliaments start with open data?' });
    expect(held).toMatchObject({ status: 'pending', mine: true, votes: 0 });
    // Bashir does not see it; the facilitator does; the audience sees one held.
    expect((await read(bashir)).questions.map((q) => q.id)).not.toContain(held.id);
    expect((await read(bashir)).pendingCount).toBe(1);
    expect((await read(facilitator)).questions.map((q) => q.id)).toContain(held.id);
    // Held questions cannot be voted up (not found to the audience).
    await vote(bashir, held.id, 404);

    const approved = await moderate(facilitator, held.id, { status: 'approved' });
    expect(approved.status).toBe('approved');
    expect((await read(bashir)).questions.map((q) => q.id)).toContain(held.id);

    const rude = await ask(bashir, { text: 'Off-topic remark' });
    await moderate(facilitator, rude.id, { status: 'hidden' });
    const seen = await read(amina);
    expect(seen.questions.map((q) => q.id)).not.toContain(rude.id);
    expect(seen.hiddenCount).toBe(1);
    // The asker still sees their own, hidden.
    expect((await read(bashir)).questions.find((q) => q.id === rude.id)?.status).toBe('hidden');
    await facilitator.expect(200, 'PUT', apiPath('questionSettings', { sessionId: session.id }), {
      moderated: false,
    });
  });

  it('counts one vote per person, even replayed or from a second browser, and orders by votes', async () => {
    const first = await ask(amina, { text: 'Who funds the digital transition?' });
    const second = await ask(bashir, { text: 'What about cybersecurity?' });
    expect(second.status).toBe('approved');
    await vote(amina, second.id);
    await vote(amina, second.id, 409);
    const again = await secondBrowserOf(amina);
    await vote(again, second.id, 409);
    await vote(bashir, second.id);
    const list = (await read(amina)).questions.filter((q) => q.status === 'approved');
    const order = list.map((q) => q.id);
    expect(order.indexOf(second.id)).toBeLessThan(order.indexOf(first.id));
    expect(list.find((q) => q.id === second.id)).toMatchObject({ votes: 2, votedByMe: true });
    // Taking a vote back lowers the count, and then one may vote again.
    await amina.expect(
      204,
      'DELETE',
      apiPath('withdrawQuestionVote', { sessionId: session.id, questionId: second.id }),
    );
    expect((await read(bashir)).questions.find((q) => q.id === second.id)?.votes).toBe(1);
    // Observers follow but do not take part.
    await vote(observer, first.id, 403);
    await ask(observer, { text: 'May I ask?' }, 403);
    expect((await read(observer)).canTakePart).toBe(false);
  });

  it('keeps an anonymous asker from the audience and the facilitators, never from the organisers', async () => {
    const question = await ask(bashir, { text: 'Can staff speak freely here?', anonymous: true });
    const byId = async (who: ApiClient) =>
      (await read(who)).questions.find((q) => q.id === question.id);
    expect((await byId(amina))?.author).toBeNull();
    expect((await byId(facilitator))?.author).toBeNull();
    expect(await byId(bashir)).toMatchObject({ author: null, mine: true, anonymous: true });
    expect((await byId(server.organiser))?.author).toBe('Bashir Haddad');
  });

  it('pins one question as being answered at a time, then marks it answered', async () => {
    const a = await ask(amina, { text: 'First to answer?' });
    const b = await ask(bashir, { text: 'Second to answer?' });
    await moderate(facilitator, a.id, { pinned: true });
    await moderate(facilitator, b.id, { pinned: true });
    const pinned = (await read(amina)).questions.filter((q) => q.pinned);
    expect(pinned.map((q) => q.id)).toEqual([b.id]);
    expect((await read(amina)).questions[0]?.id).toBe(b.id);
    const answered = await moderate(facilitator, b.id, { status: 'answered' });
    expect(answered).toMatchObject({ status: 'answered', pinned: false });
    await vote(amina, b.id, 409);
    // Only an approved question may be pinned; participants may not moderate.
    await moderate(facilitator, b.id, { pinned: true }, 409);
    await moderate(amina, a.id, { status: 'hidden' }, 403);
    await moderate(facilitator, a.id, {}, 400);
    await moderate(facilitator, a.id, { status: 'deleted' }, 400);
  });

  it('refuses questions that are not text a person may type', async () => {
    for (const body of [
      { text: '' },
      { text: 'x'.repeat(501) },
      { text: 'Hidden \u202Eevil' },
      { text: 'Bell \u0007' },
      { text: 'ok', anonymous: 'yes' },
      { text: 'ok', extra: true },
      'a question',
    ]) {
      await ask(amina, body, 400);
    }
  });

  it('runs a poll: a draft hidden from the audience, one final ballot each, results hidden until revealed', async () => {
    const poll = await createPoll({
      kind: 'single',
      question: 'Which should come first?',
      options: ['Open data', 'Live streaming', 'E-petitions'],
    });
    expect(poll.status).toBe('draft');
    expect((await read(amina)).polls.map((p) => p.id)).not.toContain(poll.id);
    await ballot(amina, poll.id, { choices: [0] }, 404);

    await act(poll.id, 'open');
    await ballot(amina, poll.id, { choices: [0] });
    await ballot(amina, poll.id, { choices: [1] }, 409);
    await ballot(await secondBrowserOf(amina), poll.id, { choices: [1] }, 409);
    await ballot(bashir, poll.id, { choices: [0, 1] }, 400);
    await ballot(bashir, poll.id, { choices: [3] }, 400);
    await ballot(bashir, poll.id, { words: ['trust'] }, 400);
    await ballot(bashir, poll.id, { choices: [2] });
    await ballot(observer, poll.id, { choices: [2] }, 403);

    const audience = (await read(amina)).polls.find((p) => p.id === poll.id);
    expect(audience).toMatchObject({ ballots: 2, results: null, myBallot: { choices: [0] } });
    const running = (await read(facilitator)).polls.find((p) => p.id === poll.id);
    expect(running?.results?.votes).toEqual([1, 0, 1]);

    await act(poll.id, 'reveal');
    expect((await read(amina)).polls.find((p) => p.id === poll.id)?.results?.votes).toEqual([
      1, 0, 1,
    ]);
    await act(poll.id, 'close');
    await act(poll.id, 'close', 409);
    await ballot(await secondBrowserOf(bashir), poll.id, { choices: [1] }, 409);
    const late = await secondBrowserOf(facilitator);
    await ballot(late, poll.id, { choices: [1] }, 409);
    await amina.expect(
      403,
      'POST',
      apiPath('pollAction', { sessionId: session.id, pollId: poll.id }),
      {
        action: 'reveal',
      },
    );
  });

  it('ranks by points and gathers words into a cloud', async () => {
    const ranking = await createPoll({
      kind: 'ranking',
      question: 'Rank these priorities',
      options: ['Transparency', 'Participation', 'Efficiency'],
    });
    await act(ranking.id, 'open');
    await act(ranking.id, 'reveal');
    await ballot(amina, ranking.id, { choices: [1, 0] }, 400);
    await ballot(amina, ranking.id, { choices: [1, 0, 2] });
    await ballot(bashir, ranking.id, { choices: [0, 1, 2] });
    const ranked = (await read(amina)).polls.find((p) => p.id === ranking.id);
    expect(ranked?.results).toMatchObject({ votes: [1, 1, 0], points: [5, 5, 2] });

    const cloud = await createPoll({ kind: 'words', question: 'One word for e-Parliament?' });
    await act(cloud.id, 'open');
    await ballot(amina, cloud.id, { words: ['Openness', 'trust'] });
    await ballot(bashir, cloud.id, { words: ['Trust'] });
    await ballot(facilitator, cloud.id, { words: ['a', 'b', 'c', 'd'] }, 400);
    await ballot(facilitator, cloud.id, { words: ['x'.repeat(41)] }, 400);
    const words = (await read(facilitator)).polls.find((p) => p.id === cloud.id)?.results?.words;
    expect(words).toEqual([
      { word: 'trust', count: 2 },
      { word: 'Openness', count: 1 },
    ]);
    await createPoll({ kind: 'words', question: 'Words', options: ['no'] }, 400);
    await createPoll({ kind: 'single', question: 'One option', options: ['only'] }, 400);
    await createPoll({ kind: 'single', question: 'Same', options: ['A', 'a'] }, 400);
    await createPoll({ kind: 'vote', question: 'Kind', options: ['A', 'B'] }, 400);
  });

  it('sends every open page its own view of each change within a second', async () => {
    const url = `${server.url}/api/sessions/${session.id}/events`;
    const pages = await Promise.all(
      [amina, bashir, facilitator].map((who) =>
        listenToStream<SessionInteraction>(url, who.cookie, 'interaction'),
      ),
    );
    streams.push(...pages);
    await waitFor(() => expect(pages.map((p) => p.messages.length)).toEqual([1, 1, 1]));
    const poll = await createPoll({ kind: 'multiple', question: 'Live?', options: ['Yes', 'No'] });
    // A draft changes the facilitator's view; the others' views are sent too (and lack it).
    await waitFor(() => expect(pages[2]?.messages.at(-1)?.polls[0]?.id).toBe(poll.id), 1_000);
    expect(pages[0]?.messages.at(-1)?.polls.map((p) => p.id)).not.toContain(poll.id);
    await act(poll.id, 'open');
    await act(poll.id, 'reveal');
    await ballot(amina, poll.id, { choices: [0, 1] });
    await waitFor(() => {
      const seen = pages[1]?.messages.at(-1)?.polls.find((p) => p.id === poll.id);
      expect(seen?.results?.votes).toEqual([1, 1]);
    }, 1_000);
    expect(pages[0]?.messages.at(-1)?.polls.find((p) => p.id === poll.id)?.myBallot).toEqual({
      choices: [0, 1],
      words: [],
    });
    expect(pages[1]?.messages.at(-1)?.polls.find((p) => p.id === poll.id)?.myBallot).toBeNull();
  });

  it('keeps questions, votes and ballots across a restart', async () => {
    const before = await read(amina);
    await server.stop();
    server = await startTestServer({ SEED_DEMO: 'false' }, server.dataDir, server.organiser);
    const after = await read(amina.at(server.url));
    expect(after.questions).toEqual(before.questions);
    expect(after.polls).toEqual(before.polls);
  });
});
