import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { useSessionInteraction } from '../sessionLive/useSessionInteraction.ts';
import { StatusMessage } from '../ui/StatusMessage.tsx';
import { PollResults } from './PollResults.tsx';
import { usePollAnnouncements } from './usePollAnnouncements.ts';
import '../styles/polls.css';

/**
 * One poll for sharing into the video call: large type, the question, and the results once
 * revealed (until then, only how many have voted: the room is not steered by early votes, even
 * from the moderator's screen). Live from the session's stream, in the interface's language;
 * "Full screen" hides everything else. The page around it (PresenterPage) hides the app's
 * header and links back to the session.
 */
export function PresenterPoll({ sessionId, pollId }: { sessionId: string; pollId: string }) {
  const { t } = useTranslation();
  const { state } = useSessionInteraction(sessionId);
  const poll = state.status === 'ready' ? state.data.polls.find((p) => p.id === pollId) : undefined;
  useDocumentTitle(poll ? t('polls.presenter.title', { question: poll.question }) : null);
  const ready = state.status === 'ready';
  const shown = useMemo(() => (ready ? (poll ? [poll] : []) : null), [ready, poll]);
  const status = usePollAnnouncements(shown);
  const frame = useRef<HTMLDivElement>(null);
  const [fullScreen, setFullScreen] = useState(false);
  useEffect(() => {
    const onChange = () => setFullScreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggleFullScreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void frame.current?.requestFullscreen().catch(() => undefined);
  };

  if (state.status !== 'ready') {
    return (
      <p className="muted" role="status">
        {t('polls.presenter.loading')}
      </p>
    );
  }
  if (!poll) {
    return (
      <div className="presenter-poll">
        <h1>{t('polls.presenter.notFound')}</h1>
      </div>
    );
  }
  return (
    <div className="presenter-poll" ref={frame} data-testid="presenter-poll">
      <div className="presenter-poll__bar">
        <button type="button" className="button" onClick={toggleFullScreen}>
          {fullScreen ? t('polls.presenter.exitFullScreen') : t('polls.presenter.fullScreen')}
        </button>
      </div>
      <h1 className="presenter-poll__question">
        <bdi>{poll.question}</bdi>
      </h1>
      <p className="presenter-poll__count" data-testid="presenter-ballots">
        {t('polls.ballots', { count: poll.ballots })}
        {' · '}
        {t(`polls.status.${poll.status}`)}
      </p>
      {poll.revealed && poll.results ? (
        <PollResults poll={poll} results={poll.results} large />
      ) : (
        <p className="presenter-poll__hidden">{t('polls.presenter.notRevealed')}</p>
      )}
      <StatusMessage message={status.message} id={status.id} />
    </div>
  );
}
