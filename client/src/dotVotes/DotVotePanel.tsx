import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DotVote, GuideDotVotes } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import type { Resource } from '../api/useResource.ts';
import { formatDateTime, viewerTimeZone } from '../format/dates.ts';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { ResourceState } from '../ui/ResourceState.tsx';
import { StatusMessage } from '../ui/StatusMessage.tsx';
import { DotBallot } from './DotBallot.tsx';
import { DotResults } from './DotResults.tsx';
import { OpenDotVoteForm } from './OpenDotVoteForm.tsx';

interface PanelProps {
  guideId: string;
  state: Resource<GuideDotVotes>;
  votes: GuideDotVotes | null;
  status: { message: string | null; id: number };
  announce: (message: string) => void;
  onChanged: (vote: DotVote) => void;
  onRetry: () => void;
}

/**
 * "Dot vote" beside the guide: the open vote (this person's dots; for those who run it, the dots
 * so far and "Close"), the form that opens one, and the results of closed votes. Open while a
 * vote is, so nobody has to find it.
 */
export function DotVotePanel({
  guideId,
  state,
  votes,
  status,
  announce,
  onChanged,
  onRetry,
}: PanelProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<boolean | null>(null);
  const current = votes?.votes.find((vote) => vote.status === 'open');
  const closed = votes?.votes.filter((vote) => vote.status === 'closed') ?? [];
  const open = chosen ?? current !== undefined;
  return (
    <section className="dot-votes" aria-labelledby="dot-votes-heading" data-testid="dot-vote-panel">
      <details
        className="dot-votes__details"
        open={open}
        onToggle={(event) => setChosen(event.currentTarget.open)}
      >
        <summary className="panel-heading" id="dot-votes-heading">
          {t('dotVotes.heading')}{' '}
          {current && <span className="presence__count">{t('dotVotes.openBadge')}</span>}
        </summary>
        {!votes && <ResourceState resource={state} onRetry={onRetry} />}
        {votes && current && (
          <CurrentVote vote={current} votes={votes} announce={announce} onChanged={onChanged} />
        )}
        {votes?.canRun && !current && (
          <details className="dot-votes__new">
            <summary>{t('dotVotes.form.heading')}</summary>
            <OpenDotVoteForm
              guideId={guideId}
              // The opening is said by the page, as when someone else opens one.
              onOpened={onChanged}
            />
          </details>
        )}
        {votes && votes.votes.length === 0 && !votes.canRun && (
          <p className="muted">{t('dotVotes.none')}</p>
        )}
        {closed.length > 0 && (
          <>
            <h3 className="dot-votes__subheading">{t('dotVotes.results')}</h3>
            <ol className="dot-votes__closed">
              {closed.map((vote) => (
                <ClosedVote key={vote.id} vote={vote} />
              ))}
            </ol>
          </>
        )}
      </details>
      <StatusMessage message={status.message} id={status.id} />
    </section>
  );
}

function CurrentVote({
  vote,
  votes,
  announce,
  onChanged,
}: {
  vote: DotVote;
  votes: GuideDotVotes;
  announce: (message: string) => void;
  onChanged: (vote: DotVote) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="dot-vote" data-testid="dot-vote-open">
      <h3 className="dot-vote__title" dir="auto">
        {vote.title}
      </h3>
      <p className="dot-vote__meta" data-testid="dot-vote-voters">
        {t('dotVotes.voters', { count: vote.voters })}
      </p>
      {votes.canPlaceDots ? (
        <DotBallot vote={vote} onSaved={onChanged} announce={announce} />
      ) : (
        <p className="muted">{t('dotVotes.follow')}</p>
      )}
      {votes.canRun ? (
        <>
          <h4 className="dot-vote__subheading">{t('dotVotes.soFar')}</h4>
          <p className="dot-vote__hint">{t('dotVotes.soFarHint')}</p>
          <DotResults vote={vote} />
          <ConfirmButton
            label={t('dotVotes.close.button')}
            title={t('dotVotes.close.title')}
            confirmLabel={t('dotVotes.close.confirm')}
            onConfirm={async () => {
              const closed = await callApi('closeDotVote', {
                params: { guideId: vote.guideId, voteId: vote.id },
              });
              onChanged(closed);
            }}
          >
            <p>{t('dotVotes.close.explain')}</p>
          </ConfirmButton>
        </>
      ) : (
        <p className="dot-vote__hint">{t('dotVotes.hidden')}</p>
      )}
    </div>
  );
}

function ClosedVote({ vote }: { vote: DotVote }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="dot-vote dot-vote--closed" data-testid="dot-vote-closed">
      <h4 className="dot-vote__title" dir="auto">
        {vote.title}
      </h4>
      <p className="dot-vote__meta">
        {vote.closedAt && (
          <time dateTime={vote.closedAt}>
            {formatDateTime(vote.closedAt, i18n.language, viewerTimeZone())}
          </time>
        )}
        {' · '}
        {t('dotVotes.voted', { count: vote.voters })}
      </p>
      <DotResults vote={vote} />
      {vote.versionId && <p className="dot-vote__hint">{t('dotVotes.keptInHistory')}</p>}
    </li>
  );
}
