import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Poll, PollActionRequest } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { DeleteButton } from '../ui/DeleteButton.tsx';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { PollBallot, YourBallot } from './PollBallot.tsx';
import { PollResults } from './PollResults.tsx';

interface PollCardProps {
  poll: Poll;
  sessionId: string;
  canModerate: boolean;
  canTakePart: boolean;
  /** The poll as the server answered a request of this page. */
  onChanged: (poll: Poll) => void;
  onRemoved: (pollId: string) => void;
}

/** One poll: what it asks, where it stands, the ballot or one's vote, and the results. */
export function PollCard({
  poll,
  sessionId,
  canModerate,
  canTakePart,
  onChanged,
  onRemoved,
}: PollCardProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <li className="poll" aria-labelledby={headingId} data-testid="poll">
      <h3 id={headingId}>
        <bdi>{poll.question}</bdi>
      </h3>
      <p className="poll__facts">
        <span className={`poll-tag poll-tag--${poll.status}`}>
          {t(`polls.status.${poll.status}`)}
        </span>{' '}
        <span className="poll-tag">{t(`polls.kinds.${poll.kind}`)}</span>{' '}
        <span data-testid="poll-ballots">{t('polls.ballots', { count: poll.ballots })}</span>
      </p>
      {canModerate && (
        <PollControls
          poll={poll}
          sessionId={sessionId}
          headingId={headingId}
          onChanged={onChanged}
          onRemoved={onRemoved}
        />
      )}
      {poll.myBallot ? (
        <YourBallot poll={poll} ballot={poll.myBallot} />
      ) : poll.status === 'open' && canTakePart ? (
        <PollBallot
          poll={poll}
          sessionId={sessionId}
          onVoted={(ballot) => onChanged({ ...poll, myBallot: ballot, ballots: poll.ballots + 1 })}
        />
      ) : poll.status === 'open' ? (
        <p className="muted">{t('polls.ballot.observer')}</p>
      ) : null}
      {poll.results ? (
        <PollResults poll={poll} results={poll.results} preview={!poll.revealed} />
      ) : (
        poll.status !== 'draft' && <p className="muted">{t('polls.results.hidden')}</p>
      )}
    </li>
  );
}

/** The moderators' buttons: open, close, reveal or hide, the presenter view, remove. */
function PollControls({
  poll,
  sessionId,
  headingId,
  onChanged,
  onRemoved,
}: {
  poll: Poll;
  sessionId: string;
  headingId: string;
  onChanged: (poll: Poll) => void;
  onRemoved: (pollId: string) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const params = { sessionId, pollId: poll.id };
  const act = async (action: PollActionRequest['action']) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onChanged(await callApi('pollAction', { params, body: { action } }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const button = (action: PollActionRequest['action'], label: string, primary = false) => (
    <button
      type="button"
      className={`button button--small${primary ? ' button--primary' : ''}`}
      aria-disabled={busy}
      aria-describedby={headingId}
      onClick={() => void act(action)}
    >
      {label}
    </button>
  );
  return (
    <div className="poll__controls">
      <div className="poll__buttons">
        {poll.status === 'open'
          ? button('close', t('polls.actions.close'), true)
          : button(
              'open',
              poll.status === 'draft' ? t('polls.actions.open') : t('polls.actions.reopen'),
              true,
            )}
        {poll.revealed
          ? button('hide', t('polls.actions.hide'))
          : button('reveal', t('polls.actions.reveal'))}
        <Link
          className="button button--small"
          to={`/sessions/${encodeURIComponent(sessionId)}/present?poll=${encodeURIComponent(poll.id)}`}
          aria-describedby={headingId}
        >
          {t('polls.actions.presenter')}
        </Link>
        <DeleteButton
          name={poll.question}
          describedBy={headingId}
          label={t('polls.actions.remove')}
          title={t('polls.actions.removeTitle')}
          confirmLabel={t('polls.actions.removeConfirm')}
          text={t('polls.actions.removeText')}
          warning={t('polls.ballots', { count: poll.ballots })}
          onConfirm={() => callApi('deletePoll', { params })}
          onDone={() => onRemoved(poll.id)}
        />
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}
