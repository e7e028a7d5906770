import type { Question, SessionInteraction } from '@draftroom/shared';

/**
 * What the questions panel and the presenter view make of the server's list. The server sends
 * the questions already in their order (the one being answered, then by votes, then held,
 * answered, hidden) and cut to the person; these only split and compare, never re-sort.
 */

/** The list on the page: everything still open (in the server's order), and the answered. */
export function groupQuestions(questions: readonly Question[]): {
  open: Question[];
  answered: Question[];
} {
  return {
    open: questions.filter((question) => question.status !== 'answered'),
    answered: questions.filter((question) => question.status === 'answered'),
  };
}

/**
 * What the presenter view shows: the question being answered, then the approved ones with the
 * most votes. Held and hidden questions never reach the shared screen, even for a moderator.
 */
export function presenterQuestions(
  questions: readonly Question[],
  limit: number,
): { pinned: Question | null; top: Question[] } {
  const approved = questions.filter((question) => question.status === 'approved');
  return {
    pinned: approved.find((question) => question.pinned) ?? null,
    top: approved.filter((question) => !question.pinned).slice(0, limit),
  };
}

/** One thing worth saying to a screen reader after the state changed (votes are not). */
export type QuestionChange =
  | { kind: 'asked' | 'waiting' | 'approved' | 'hidden' | 'answered'; count: number }
  | { kind: 'mineApproved' | 'mineHidden' | 'holdOn' | 'holdOff' }
  | { kind: 'pinned'; text: string };

/**
 * What changed between two states of the same session, as a person would want it said: new
 * questions (their own are confirmed by the form instead), questions approved, hidden (the
 * audience sees the hidden count grow, the asker that it was theirs), answered, the one being
 * answered now, and whether new questions wait for approval. The first state says nothing.
 */
export function questionChanges(
  previous: SessionInteraction | null,
  next: SessionInteraction,
): QuestionChange[] {
  if (!previous || previous.sessionId !== next.sessionId) return [];
  const before = new Map(previous.questions.map((question) => [question.id, question]));
  let asked = 0;
  let waiting = 0;
  let approved = 0;
  let answered = 0;
  let mineApproved = false;
  let mineHidden = false;
  for (const question of next.questions) {
    const old = before.get(question.id);
    if (!old) {
      if (question.mine) continue;
      if (question.status === 'pending') waiting += 1;
      else if (question.status === 'approved') asked += 1;
      continue;
    }
    if (old.status === question.status) continue;
    if (question.status === 'approved' && old.status !== 'answered') {
      if (question.mine) mineApproved = true;
      else approved += 1;
    } else if (question.status === 'answered') answered += 1;
    else if (question.status === 'hidden' && question.mine) mineHidden = true;
  }
  const hidden = Math.max(0, next.hiddenCount - previous.hiddenCount - (mineHidden ? 1 : 0));
  const changes: QuestionChange[] = [];
  if (previous.moderated !== next.moderated) {
    changes.push({ kind: next.moderated ? 'holdOn' : 'holdOff' });
  }
  const counted = [
    ['asked', asked],
    ['waiting', waiting],
    ['approved', approved],
    ['hidden', hidden],
    ['answered', answered],
  ] as const;
  for (const [kind, count] of counted) if (count > 0) changes.push({ kind, count });
  if (mineApproved) changes.push({ kind: 'mineApproved' });
  if (mineHidden) changes.push({ kind: 'mineHidden' });
  const pinned = next.questions.find((question) => question.pinned);
  const wasPinned = previous.questions.find((question) => question.pinned);
  if (pinned && pinned.id !== wasPinned?.id) changes.push({ kind: 'pinned', text: pinned.text });
  return changes;
}
