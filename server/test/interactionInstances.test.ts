// Questions and polls on several instances (issue 15 with issue 14): a ballot or an up-vote made
// on one instance reaches the pages held by another within a second (through Redis, the event
// bus's one way across instances), and one person's ballots raced to two instances at once
// count once (the primary key in the shared PostgreSQL database decides, not a process).
// Only in the PostgreSQL + Redis pass of `pnpm test`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath, type Poll, type Question, type SessionInteraction } from '@draftroom/shared';
import { ApiClient, createCoCreationSession, createInvite, onPostgres } from '../testing/index.ts';
import { listenToStream } from './helpers/eventStream.ts';
import { startInstances, type Instance, type Instances } from './helpers/instances.ts';
import { waitFor } from './helpers/waitFor.ts';

describe.skipIf(!onPostgres)(
  'questions and polls across two instances',
  { timeout: 120_000 },
  () => {
    let instances: Instances;
    const streams: Array<{ stop: () => void }> = [];
    beforeAll(async () => {
      instances = await startInstances(2);
    }, 120_000);
    afterAll(async () => {
      for (const stream of streams) stream.stop();
      await instances?.close();
    });
    const on = (index: number) => instances.all[index] as Instance;

    it('a ballot on one instance reaches pages on the other; a raced double ballot counts once', async () => {
      const organiser = instances.organiser;
      const session = await createCoCreationSession(organiser, 'Debate on two instances');
      const invite = await createInvite(organiser, 'participant', {
        type: 'session',
        id: session.id,
      });
      const amina = await ApiClient.join(on(0).url, invite.joinPath);
      const bashir = await ApiClient.join(on(1).url, invite.joinPath);
      const poll = await organiser.expect<Poll>(
        201,
        'POST',
        apiPath('createPoll', { sessionId: session.id }),
        { kind: 'single', question: 'Which first?', options: ['Open data', 'Streaming'] },
      );
      const pollPath = { sessionId: session.id, pollId: poll.id };
      for (const action of ['open', 'reveal']) {
        await organiser.expect(200, 'POST', apiPath('pollAction', pollPath), { action });
      }
      // Bashir's page is held by instance 1; Amina votes on instance 0.
      const page = await listenToStream<SessionInteraction>(
        `${on(1).url}/api/sessions/${session.id}/events`,
        bashir.cookie,
        'interaction',
      );
      streams.push(page);
      await waitFor(() => expect(page.messages.length).toBeGreaterThan(0));
      await amina.expect(204, 'POST', apiPath('castBallot', pollPath), { choices: [0] });
      await waitFor(() => {
        const seen = page.messages.at(-1)?.polls.find((p) => p.id === poll.id);
        expect(seen?.results?.votes).toEqual([1, 0]);
      }, 1_000);

      // Bashir sends his ballot ten times to each instance at once: one counts.
      const sends = [0, 1].flatMap((index) =>
        Array.from({ length: 10 }, (_, n) =>
          fetch(`${on(index).url}${apiPath('castBallot', pollPath)}`, {
            method: 'POST',
            headers: { cookie: bashir.cookie, 'content-type': 'application/json' },
            body: JSON.stringify({ choices: [n % 2] }),
          }).then((response) => response.status),
        ),
      );
      const statuses = await Promise.all(sends);
      expect(statuses.filter((status) => status === 204)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(19);
      const after = await amina
        .at(on(1).url)
        .expect<SessionInteraction>(
          200,
          'GET',
          apiPath('sessionInteraction', { sessionId: session.id }),
        );
      const tallied = after.polls.find((p) => p.id === poll.id);
      expect(tallied?.ballots).toBe(2);
      expect(tallied?.results?.votes.reduce((a, b) => a + b, 0)).toBe(2);

      // An up-vote on instance 1 reaches a page on instance 0.
      const question = await amina.expect<Question>(
        201,
        'POST',
        apiPath('askQuestion', { sessionId: session.id }),
        { text: 'Does this reach the other instance?' },
      );
      const aminaPage = await listenToStream<SessionInteraction>(
        `${on(0).url}/api/sessions/${session.id}/events`,
        amina.cookie,
        'interaction',
      );
      streams.push(aminaPage);
      await waitFor(() => expect(aminaPage.messages.length).toBeGreaterThan(0));
      await bashir.expect(
        204,
        'POST',
        apiPath('voteForQuestion', { sessionId: session.id, questionId: question.id }),
      );
      await waitFor(() => {
        const seen = aminaPage.messages.at(-1)?.questions.find((q) => q.id === question.id);
        expect(seen?.votes).toBe(1);
      }, 1_000);
    });
  },
);
