import type { PollRecord, QuestionRecord } from '../../persistence/index.ts';
import {
  canManageGroup,
  canManageSession,
  isOrganiserOf,
  type GroupPlace,
  type Viewer,
} from './policy.ts';

/**
 * Who may do what with a session's questions and polls and a guide's dot votes (issue 15), as
 * pure functions like the rest of the policy. Reading them is reading the session (anyone of the
 * event); what is shown inside is cut here.
 */
export interface SessionPlace {
  eventId: string;
  sessionId: string;
}

/** May this person moderate questions and run polls? Those who run the session. */
export function canModerateInteraction(viewer: Viewer, place: SessionPlace): boolean {
  return canManageSession(viewer, place);
}

/**
 * May this person ask, vote questions up and vote in polls? Everyone of the event but
 * observers, who follow along.
 */
export function canTakePart(viewer: Viewer, place: SessionPlace): boolean {
  return viewer.person.eventId === place.eventId && viewer.person.role !== 'observer';
}

/** Does this person see who asked an anonymous question? The organisers only. */
export function seesAnonymousAskers(viewer: Viewer, place: SessionPlace): boolean {
  return isOrganiserOf(viewer, place.eventId);
}

/**
 * May this person see this question? Moderators all of them; the asker their own whatever its
 * status; the audience those approved or answered (held and hidden ones only as counts).
 */
export function canSeeQuestion(
  viewer: Viewer,
  question: Pick<QuestionRecord, 'askedBy' | 'status'>,
  moderates: boolean,
): boolean {
  if (moderates || question.askedBy === viewer.person.id) return true;
  return question.status === 'approved' || question.status === 'answered';
}

/** May a question be voted up? Only one the audience sees as open: approved. */
export function canVoteForQuestion(question: Pick<QuestionRecord, 'status'>): boolean {
  return question.status === 'approved';
}

/** May this person see the poll? A draft only the moderators. */
export function canSeePoll(poll: Pick<PollRecord, 'status'>, moderates: boolean): boolean {
  return moderates || poll.status !== 'draft';
}

/**
 * May this person see the poll's results? The moderators always (they decide when to reveal);
 * the audience once revealed, so early votes don't steer the room.
 */
export function canSeePollResults(poll: Pick<PollRecord, 'revealed'>, moderates: boolean): boolean {
  return moderates || poll.revealed;
}

/** May this person open and close dot votes on a group's guide? Those who manage the group. */
export function canRunDotVote(viewer: Viewer, place: GroupPlace): boolean {
  return canManageGroup(viewer, place);
}

/**
 * May this person place dots on a guide's vote? The group's members and those who manage it, but
 * not observers. A lock on the guide does not stop a vote: deciding is not writing.
 */
export function canPlaceDots(viewer: Viewer, place: GroupPlace): boolean {
  if (viewer.person.eventId !== place.eventId || viewer.person.role === 'observer') return false;
  return viewer.groupIds.includes(place.groupId) || canManageGroup(viewer, place);
}
