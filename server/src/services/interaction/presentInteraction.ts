import type { Poll, Question, SessionInteraction } from '@draftroom/shared';
import type { BallotRecord, ListedQuestion, PollRecord } from '../../persistence/index.ts';
import {
  canModerateInteraction,
  canSeePoll,
  canSeePollResults,
  canSeeQuestion,
  canTakePart,
  seesAnonymousAskers,
  type SessionPlace,
} from '../access/interactionPolicy.ts';
import type { Viewer } from '../access/policy.ts';
import { tally } from './pollResults.ts';

/**
 * A session's questions and polls as stored, read once for every open page of the session and
 * cut to each person by `interactionFor`. Tallies are made once here, not once per page.
 */
export interface InteractionSnapshot {
  place: SessionPlace;
  moderated: boolean;
  questions: ListedQuestion[];
  /** Who voted for each question. */
  voters: Map<string, Set<string>>;
  polls: Array<{
    poll: PollRecord;
    ballots: Map<string, BallotRecord>;
    results: ReturnType<typeof tally>;
  }>;
}

export function makeSnapshot(
  place: SessionPlace,
  moderated: boolean,
  questions: ListedQuestion[],
  votes: ReadonlyArray<{ questionId: string; personId: string }>,
  polls: PollRecord[],
  ballots: readonly BallotRecord[],
): InteractionSnapshot {
  const voters = new Map<string, Set<string>>();
  for (const { questionId, personId } of votes) {
    let set = voters.get(questionId);
    if (!set) voters.set(questionId, (set = new Set()));
    set.add(personId);
  }
  const ballotsByPoll = new Map<string, Map<string, BallotRecord>>();
  for (const ballot of ballots) {
    let byPerson = ballotsByPoll.get(ballot.pollId);
    if (!byPerson) ballotsByPoll.set(ballot.pollId, (byPerson = new Map()));
    byPerson.set(ballot.personId, ballot);
  }
  return {
    place,
    moderated,
    questions,
    voters,
    polls: polls.map((poll) => {
      const pollBallots = ballotsByPoll.get(poll.id) ?? new Map<string, BallotRecord>();
      return { poll, ballots: pollBallots, results: tally(poll, [...pollBallots.values()]) };
    }),
  };
}

/**
 * The order questions are shown in: the one being answered first, then the open ones by votes
 * (the older first on a tie, so a new question does not jump a waiting one), then those held,
 * answered and hidden.
 */
const statusOrder = { approved: 0, pending: 1, answered: 2, hidden: 3 } as const;
function compareQuestions(a: Question, b: Question): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  return (
    statusOrder[a.status] - statusOrder[b.status] ||
    b.votes - a.votes ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.id.localeCompare(b.id)
  );
}

/** What one person sees of the session's questions and polls. Pure: one read serves every page. */
export function interactionFor(snapshot: InteractionSnapshot, viewer: Viewer): SessionInteraction {
  const { place } = snapshot;
  const moderates = canModerateInteraction(viewer, place);
  const seesAskers = seesAnonymousAskers(viewer, place);
  const me = viewer.person.id;
  // The one pinned most recently (two instances pinning at once leave the later one).
  const pinnedId = snapshot.questions
    .filter((question) => question.pinnedAt !== null)
    .sort((a, b) => (b.pinnedAt ?? '').localeCompare(a.pinnedAt ?? ''))[0]?.id;
  const questions = snapshot.questions
    .filter((question) => canSeeQuestion(viewer, question, moderates))
    .map((question): Question => {
      const voters = snapshot.voters.get(question.id);
      return {
        id: question.id,
        text: question.text,
        author: question.anonymous && !seesAskers ? null : question.askerName,
        anonymous: question.anonymous,
        mine: question.askedBy === me,
        status: question.status,
        pinned: question.id === pinnedId && question.status === 'approved',
        votes: voters?.size ?? 0,
        votedByMe: voters?.has(me) ?? false,
        createdAt: question.createdAt,
      };
    })
    .sort(compareQuestions);
  const count = (status: ListedQuestion['status']) =>
    snapshot.questions.filter((question) => question.status === status).length;
  return {
    sessionId: place.sessionId,
    moderated: snapshot.moderated,
    canModerate: moderates,
    canTakePart: canTakePart(viewer, place),
    questions,
    hiddenCount: count('hidden'),
    pendingCount: count('pending'),
    polls: snapshot.polls
      .filter(({ poll }) => canSeePoll(poll, moderates))
      .map(({ poll, ballots, results }): Poll => {
        const mine = ballots.get(me);
        return {
          id: poll.id,
          kind: poll.kind,
          question: poll.question,
          options: poll.options,
          status: poll.status,
          revealed: poll.revealed,
          ballots: ballots.size,
          results: canSeePollResults(poll, moderates) ? results : null,
          myBallot: mine ? { choices: mine.choices, words: mine.words } : null,
          createdAt: poll.createdAt,
        };
      }),
  };
}
