import { useCallback, useState } from 'react';
import type { ModerateQuestionRequest, Question, SessionInteraction } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';

/**
 * The panel's buttons that change something on the server: a vote, a moderator's change, the
 * "hold for approval" switch. One at a time per question (`busyId`); a refusal (already voted,
 * too many, not allowed) is kept for the panel's ErrorNotice. What changed reaches the page on
 * the session's stream, like everyone else's changes, so nothing is patched locally.
 */
export function useQuestionActions(sessionId: string, accept: (next: SessionInteraction) => void) {
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The switch shows the asked-for setting while the request runs, as a checkbox does at once.
  const [holdAsked, setHoldAsked] = useState<boolean | null>(null);

  const run = useCallback(async (id: string, action: () => Promise<unknown>) => {
    setBusyId(id);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusyId(null);
    }
  }, []);

  const toggleVote = (question: Question) =>
    run(question.id, () => {
      const params = { sessionId, questionId: question.id };
      return question.votedByMe
        ? callApi('withdrawQuestionVote', { params })
        : callApi('voteForQuestion', { params });
    });

  const moderate = (question: Question, body: ModerateQuestionRequest) =>
    run(question.id, () =>
      callApi('moderateQuestion', { params: { sessionId, questionId: question.id }, body }),
    );

  const setHold = async (moderated: boolean) => {
    setHoldAsked(moderated);
    await run('settings', async () =>
      accept(await callApi('questionSettings', { params: { sessionId }, body: { moderated } })),
    );
    setHoldAsked(null);
  };

  return { busyId, error, holdAsked, toggleVote, moderate, setHold };
}
