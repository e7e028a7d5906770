import {
  askQuestionRequestSchema,
  ballotRequestSchema,
  createPollRequestSchema,
  maxPollsPerSession,
  maxQuestionsPerSession,
  moderateQuestionRequestSchema,
  type AskQuestionRequest,
  type BallotRequest,
  type CreatePollRequest,
  type DownloadFile,
  type ModerateQuestionRequest,
  type Poll,
  type PollActionRequest,
  type Question,
  type SessionInteraction,
} from '@draftroom/shared';
import { DomainError, conflict, forbidden, notFound } from '../../lib/domainError.ts';
import { randomId } from '../../lib/ids.ts';
import { perPersonLimit } from '../../lib/perPersonLimit.ts';
import { memoryLimiters, type Limiters } from '../../lib/rateLimits.ts';
import type { ConferenceStore, PollRecord } from '../../persistence/index.ts';
import {
  canModerateInteraction,
  canTakePart,
  canVoteForQuestion,
  type SessionPlace,
} from '../access/interactionPolicy.ts';
import type { Viewer } from '../access/policy.ts';
import { sessionInEvent } from '../conference/viewer.ts';
import type { EventBus } from '../events/eventBus.ts';
import { exportFileName } from '../exports/filename.ts';
import { interactionCsv } from './interactionCsv.ts';
import { checkBallot } from './pollResults.ts';
import { interactionFor, makeSnapshot, type InteractionSnapshot } from './presentInteraction.ts';

const alreadyVoted = (what: string) =>
  new DomainError('already_voted', `${what} Each person counts once.`);

/**
 * A session's questions and polls (issue 15). Every change is announced on the event bus
 * (`sessionInteraction`, carrying only the session id); the session's event streams read the
 * state once per change and send each open page its own cut (`interactionFor`). One vote per
 * person and question and one ballot per person and poll are primary keys in the database, so
 * a replayed request or a second browser is refused whichever instance it reaches.
 */
export function createInteractionService(
  persistence: ConferenceStore,
  events: EventBus,
  /** Where its per-person limits count (Redis with several instances: they hold across them). */
  limiters: Limiters = memoryLimiters,
) {
  const { repositories } = persistence;
  const store = repositories.interaction;
  // A question reaches every page of the session; a person asks a few in a session.
  const askLimit = perPersonLimit(
    10,
    'You asked many questions in the last minute; wait a moment and try again.',
    { limiters, name: 'questions' },
  );
  // Votes, ballots and moderation each make every open page receive the state again.
  const voteLimit = perPersonLimit(
    60,
    'You voted many times in the last minute; wait a moment and try again.',
    { limiters, name: 'votes' },
  );
  const moderationLimit = perPersonLimit(
    120,
    'You changed questions and polls many times in the last minute; wait a moment.',
    { limiters, name: 'moderation' },
  );
  // Each export reads the whole session; a moderator needs one now and then, not a stream.
  const exportLimit = perPersonLimit(
    20,
    'You exported the questions and polls many times in the last minute; wait a moment.',
    { limiters, name: 'interactionExports' },
  );
  // Strictly increasing times: the order questions were asked in is the order of their times.
  let lastTime = 0;
  const now = () => {
    lastTime = Math.max(Date.now(), lastTime + 1);
    return new Date(lastTime).toISOString();
  };

  async function placeOf(viewer: Viewer, sessionId: string): Promise<SessionPlace> {
    const session = await sessionInEvent(repositories, viewer, sessionId);
    return { eventId: session.eventId, sessionId };
  }
  async function moderated(viewer: Viewer, sessionId: string): Promise<SessionPlace> {
    const place = await placeOf(viewer, sessionId);
    if (!canModerateInteraction(viewer, place)) {
      throw forbidden('Only organisers and this session’s facilitators can moderate it.');
    }
    await moderationLimit.take(viewer.person.id);
    return place;
  }
  async function takingPart(viewer: Viewer, sessionId: string): Promise<SessionPlace> {
    const place = await placeOf(viewer, sessionId);
    if (!canTakePart(viewer, place)) {
      throw forbidden('Observers follow the questions and polls but do not take part.');
    }
    return place;
  }

  /** Everything the session's pages show, read once for all of them. */
  async function snapshot(sessionId: string): Promise<InteractionSnapshot | null> {
    const session = await repositories.sessions.get(sessionId);
    if (!session) return null;
    const [isModerated, questions, votes, polls, ballots] = await Promise.all([
      store.moderated(sessionId),
      store.questions(sessionId),
      store.votes(sessionId),
      store.polls(sessionId),
      store.ballots(sessionId),
    ]);
    const place = { eventId: session.eventId, sessionId };
    return makeSnapshot(place, isModerated, questions, votes, polls, ballots);
  }

  async function read(viewer: Viewer, sessionId: string): Promise<SessionInteraction> {
    await placeOf(viewer, sessionId);
    const taken = await snapshot(sessionId);
    if (!taken) throw notFound('This session');
    return interactionFor(taken, viewer);
  }

  const changed = (sessionId: string) => events.publish('sessionInteraction', { sessionId });

  async function questionAs(viewer: Viewer, sessionId: string, questionId: string) {
    const shown = (await read(viewer, sessionId)).questions.find((q) => q.id === questionId);
    if (!shown) throw notFound('This question');
    return shown;
  }
  async function pollAs(viewer: Viewer, sessionId: string, pollId: string): Promise<Poll> {
    const shown = (await read(viewer, sessionId)).polls.find((poll) => poll.id === pollId);
    if (!shown) throw notFound('This poll');
    return shown;
  }
  /** A poll of the session the caller may see (a draft is "not found" to the audience). */
  async function pollFor(viewer: Viewer, place: SessionPlace, pollId: string): Promise<PollRecord> {
    const poll = await store.poll(place.sessionId, pollId);
    if (!poll || (poll.status === 'draft' && !canModerateInteraction(viewer, place))) {
      throw notFound('This poll');
    }
    return poll;
  }

  return {
    read,
    snapshot,
    interactionFor,

    /**
     * The session's questions and polls as a CSV file, for those who run the session only: it
     * holds what they see (held and hidden questions, results not yet revealed), which is not
     * the audience's to take. Observers who compile the session's guides get the audience's cut
     * in the compiled export's "Questions and polls" chapter instead.
     */
    async exportCsv(viewer: Viewer, sessionId: string): Promise<DownloadFile> {
      const session = await sessionInEvent(repositories, viewer, sessionId);
      if (!canModerateInteraction(viewer, { eventId: session.eventId, sessionId })) {
        throw forbidden('Only organisers and this session’s facilitators export its questions.');
      }
      await exportLimit.take(viewer.person.id);
      const event = await repositories.events.get(session.eventId);
      return {
        filename: exportFileName(
          [event?.name ?? null, session.title, 'questions and polls'],
          'csv',
        ),
        contentType: 'text/csv; charset=utf-8',
        bytes: interactionCsv(await read(viewer, sessionId)),
      };
    },

    async ask(viewer: Viewer, sessionId: string, request: AskQuestionRequest): Promise<Question> {
      await takingPart(viewer, sessionId);
      const { text, anonymous } = askQuestionRequestSchema.parse(request);
      if ((await store.questionCount(sessionId)) >= maxQuestionsPerSession) {
        throw conflict(
          `This session has ${maxQuestionsPerSession} questions, as many as it takes.`,
        );
      }
      await askLimit.take(viewer.person.id);
      const id = randomId();
      await store.addQuestion({
        id,
        sessionId,
        askedBy: viewer.person.id,
        text,
        anonymous,
        status: (await store.moderated(sessionId)) ? 'pending' : 'approved',
        pinnedAt: null,
        createdAt: now(),
      });
      changed(sessionId);
      return questionAs(viewer, sessionId, id);
    },

    async moderate(
      viewer: Viewer,
      sessionId: string,
      questionId: string,
      request: ModerateQuestionRequest,
    ): Promise<Question> {
      await moderated(viewer, sessionId);
      const { status, pinned } = moderateQuestionRequestSchema.parse(request);
      const question = await store.question(sessionId, questionId);
      if (!question) throw notFound('This question');
      const finalStatus = status ?? question.status;
      if (pinned === true && finalStatus !== 'approved') {
        throw conflict('Only an approved question can be pinned as being answered.');
      }
      const at = now();
      if (finalStatus !== question.status)
        await store.setQuestionStatus(questionId, finalStatus, at);
      // Answering, hiding or holding a pinned question unpins it.
      if (pinned === true) await store.pin(sessionId, questionId, at);
      else if (question.pinnedAt !== null && (pinned === false || finalStatus !== 'approved')) {
        await store.pin(sessionId, null, at);
      }
      changed(sessionId);
      return questionAs(viewer, sessionId, questionId);
    },

    async vote(viewer: Viewer, sessionId: string, questionId: string): Promise<void> {
      await takingPart(viewer, sessionId);
      const question = await store.question(sessionId, questionId);
      if (!question || !canVoteForQuestion(question)) {
        // One not shown to the audience is not found; an answered one is no longer open.
        if (question?.status === 'answered') throw conflict('This question was answered.');
        throw notFound('This question');
      }
      await voteLimit.take(viewer.person.id);
      if (!(await store.vote(questionId, viewer.person.id, now()))) {
        throw alreadyVoted('You already voted for this question.');
      }
      changed(sessionId);
    },

    async unvote(viewer: Viewer, sessionId: string, questionId: string): Promise<void> {
      await takingPart(viewer, sessionId);
      const question = await store.question(sessionId, questionId);
      if (!question || !canVoteForQuestion(question)) throw notFound('This question');
      await voteLimit.take(viewer.person.id);
      if (await store.unvote(questionId, viewer.person.id)) changed(sessionId);
    },

    async setModerated(
      viewer: Viewer,
      sessionId: string,
      isModerated: boolean,
    ): Promise<SessionInteraction> {
      await moderated(viewer, sessionId);
      await store.setModerated(sessionId, isModerated, now());
      changed(sessionId);
      return read(viewer, sessionId);
    },

    async createPoll(viewer: Viewer, sessionId: string, request: CreatePollRequest): Promise<Poll> {
      await moderated(viewer, sessionId);
      const { kind, question, options } = createPollRequestSchema.parse(request);
      if ((await store.pollCount(sessionId)) >= maxPollsPerSession) {
        throw conflict(`This session has ${maxPollsPerSession} polls; remove one to add another.`);
      }
      const id = randomId();
      await store.addPoll({
        id,
        sessionId,
        kind,
        question,
        options,
        status: 'draft',
        revealed: false,
        createdBy: viewer.person.id,
        createdAt: now(),
        openedAt: null,
        closedAt: null,
      });
      changed(sessionId);
      return pollAs(viewer, sessionId, id);
    },

    async pollAction(
      viewer: Viewer,
      sessionId: string,
      pollId: string,
      { action }: PollActionRequest,
    ): Promise<Poll> {
      const place = await moderated(viewer, sessionId);
      const poll = await pollFor(viewer, place, pollId);
      const at = now();
      switch (action) {
        case 'open':
          // A closed poll may open again: those who have not voted yet still can.
          if (poll.status !== 'open')
            await store.updatePoll(pollId, { status: 'open', openedAt: at });
          break;
        case 'close':
          if (poll.status !== 'open') throw conflict('Only an open poll can be closed.');
          await store.updatePoll(pollId, { status: 'closed', closedAt: at });
          break;
        case 'reveal':
        case 'hide':
          await store.updatePoll(pollId, { revealed: action === 'reveal' });
          break;
      }
      changed(sessionId);
      return pollAs(viewer, sessionId, pollId);
    },

    async deletePoll(viewer: Viewer, sessionId: string, pollId: string): Promise<void> {
      const place = await moderated(viewer, sessionId);
      await pollFor(viewer, place, pollId);
      await store.deletePoll(pollId);
      changed(sessionId);
    },

    async castBallot(
      viewer: Viewer,
      sessionId: string,
      pollId: string,
      request: BallotRequest,
    ): Promise<void> {
      const place = await takingPart(viewer, sessionId);
      const poll = await pollFor(viewer, place, pollId);
      const checked = checkBallot(poll, ballotRequestSchema.parse(request));
      if ('problem' in checked) {
        throw new DomainError('validation_failed', checked.problem, [
          { path: poll.kind === 'words' ? 'words' : 'choices', message: checked.problem },
        ]);
      }
      await voteLimit.take(viewer.person.id);
      const cast = await store.castBallot({
        pollId,
        personId: viewer.person.id,
        ...checked,
        castAt: now(),
      });
      if (!cast) {
        // Which refused it: a ballot already there, or the poll not open (now).
        if (await store.hasBallot(pollId, viewer.person.id)) {
          throw alreadyVoted('You already voted in this poll; your vote is final.');
        }
        throw conflict('This poll is not open for votes.');
      }
      changed(sessionId);
    },
  };
}

export type InteractionService = ReturnType<typeof createInteractionService>;
