import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api/callApi.ts';
import { useResource } from '../api/useResource.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { useSessionInteraction } from '../sessionLive/useSessionInteraction.ts';
import { presenterQuestions } from './questionList.ts';

/** How many questions fit on a shared screen below the one being answered, read from afar. */
const shownOnScreen = 5;

/**
 * The question list for sharing into the video call: the session's title, the question being
 * answered now in the largest type, then the approved questions with the most votes. Live, like
 * the session page; nothing here can be clicked but the way back, so the shared screen shows no
 * controls. Held and hidden questions never appear, whoever opens it.
 */
export function PresenterQuestions({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const loadSession = useCallback(
    (signal: AbortSignal) => callApi('getSession', { params: { sessionId }, signal }),
    [sessionId],
  );
  const { state: session, reload } = useResource(loadSession);
  const { state } = useSessionInteraction(sessionId);
  const title = session.status === 'ready' ? session.data.session.title : null;
  useDocumentTitle(title ?? t('questions.presenter.top'));

  if (session.status === 'error') {
    return (
      <>
        <h1>{t('questions.presenter.loadFailed')}</h1>
        <ErrorNotice error={session.error} onRetry={reload} />
      </>
    );
  }
  if (session.status === 'loading' || state.status !== 'ready') {
    return (
      <p className="presenter__loading" role="status">
        {t('questions.presenter.loading')}
      </p>
    );
  }
  const { pinned, top } = presenterQuestions(state.data.questions, shownOnScreen);
  return (
    <>
      <h1 className="presenter__title">
        <bdi>{title}</bdi>
      </h1>
      {pinned && (
        <section
          className="presenter__now"
          aria-labelledby="presenter-now"
          data-testid="presenter-now"
        >
          <h2 id="presenter-now">{t('questions.presenter.answeringNow')}</h2>
          <p className="presenter__now-text" dir="auto">
            {pinned.text}
          </p>
          <p className="presenter__votes">{t('questions.votes', { count: pinned.votes })}</p>
        </section>
      )}
      <section className="presenter__top" aria-labelledby="presenter-top">
        <h2 id="presenter-top">{t('questions.presenter.top')}</h2>
        {top.length === 0 ? (
          <p>{t('questions.presenter.none')}</p>
        ) : (
          <ol className="presenter__list" data-testid="presenter-list">
            {top.map((question) => (
              <li key={question.id} className="presenter__question">
                <span className="presenter__count">
                  {t('questions.votes', { count: question.votes })}
                </span>
                <span className="presenter__text" dir="auto">
                  {question.text}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
