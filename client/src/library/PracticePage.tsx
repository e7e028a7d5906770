import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { Practice } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { useResource } from '../api/useResource.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { RequireSignIn } from '../me/RequireSignIn.tsx';
import { ResourceState } from '../ui/ResourceState.tsx';
import { StatusMessage } from '../ui/StatusMessage.tsx';
import { useStatus } from '../ui/useStatus.ts';
import { useDateTime, useLibraryLabels } from './labels.ts';
import { PracticeCuration } from './PracticeCuration.tsx';
import { PracticeDetails } from './PracticeDetails.tsx';
import { PracticeHistory } from './PracticeHistory.tsx';
import '../styles/organiser.css';
import './library.css';

/** `/library/:practiceId`: one practice, where it is cited and presented, its curation and history. */
export function PracticePage() {
  return <RequireSignIn>{() => <PracticeView />}</RequireSignIn>;
}

function PracticeView() {
  const { t } = useTranslation();
  const { practiceId = '' } = useParams();
  const load = useCallback(
    (signal: AbortSignal) => callApi('getPractice', { params: { practiceId }, signal }),
    [practiceId],
  );
  const { state, reload } = useResource(load);
  // After a curation move the page shows the server's answer until it is reloaded.
  const [changed, setChanged] = useState<Practice | null>(null);
  const loaded = state.status === 'ready' ? state.data : null;
  const practice = changed?.id === practiceId ? changed : loaded;
  useDocumentTitle(practice?.title ?? t('library.practice.loading'));

  // "Saved" from the form, said once the page it leads to is here.
  const { status, announce } = useStatus();
  const location = useLocation();
  const saved = (location.state as { saved?: 'submitted' | 'saved' } | null)?.saved;
  useEffect(() => {
    if (saved && loaded) announce(t(`library.practice.${saved}`));
  }, [saved, loaded, announce, t]);

  return (
    <div className="page page--wide library-page practice-page">
      <p>
        <Link to="/library">{t('library.practice.back')}</Link>
      </p>
      <StatusMessage message={status.message} id={status.id} />
      {!practice && (
        <>
          <h1>{t('library.practice.loading')}</h1>
          <ResourceState resource={state} onRetry={reload} />
        </>
      )}
      {practice && <PracticeRecord practice={practice} onChanged={setChanged} />}
    </div>
  );
}

function PracticeRecord({
  practice,
  onChanged,
}: {
  practice: Practice;
  onChanged: (practice: Practice) => void;
}) {
  const { t } = useTranslation();
  const labels = useLibraryLabels();
  const when = useDateTime();
  return (
    <>
      <h1 dir="auto">{practice.title}</h1>
      <p className="practice-page__status">
        <span className={`practice-badge practice-badge--${practice.status}`}>
          {labels.status(practice.status)}
        </span>{' '}
        <span className="muted">
          {t('library.practice.updated', { when: when(practice.updatedAt) })}
        </span>
        {practice.public && (
          <span className="practice-badge practice-badge--public">
            {t('library.practice.isPublic')}
          </span>
        )}
      </p>
      {practice.status === 'changes-requested' && practice.reviewNote && (
        <div className="notice practice-page__note" role="note">
          <h2>{t('library.practice.changesRequested')}</h2>
          <p dir="auto">{practice.reviewNote}</p>
        </div>
      )}
      {practice.status === 'merged' && practice.mergedInto && (
        <p className="notice">
          {t('library.practice.mergedInto')}{' '}
          <Link to={`/library/${practice.mergedInto}`}>{t('library.practice.openMerged')}</Link>
        </p>
      )}
      {practice.capabilities.edit && practice.status !== 'merged' && (
        <p>
          <Link to={`/library/${practice.id}/edit`} className="button">
            {t('library.practice.edit')}
          </Link>
        </p>
      )}
      <PracticeDetails content={practice} region={practice.region} />

      <h2>{t('library.practice.citedIn')}</h2>
      {practice.citedBy.length === 0 && practice.citedByOthers === 0 ? (
        <p className="muted">{t('library.practice.notCited')}</p>
      ) : (
        <ul className="practice-page__refs">
          {practice.citedBy.map((guide) => (
            <li key={guide.guideId}>
              <Link to={`/g/${guide.guideId}`}>
                <bdi>{guide.groupName}</bdi>
              </Link>{' '}
              <span className="muted">
                <bdi>{guide.sessionTitle}</bdi>
              </span>
            </li>
          ))}
          {practice.citedByOthers > 0 && (
            <li>{t('library.practice.otherGuides', { count: practice.citedByOthers })}</li>
          )}
        </ul>
      )}
      <h2>{t('library.practice.presentedIn')}</h2>
      {practice.presentedIn.length === 0 ? (
        <p className="muted">{t('library.practice.notPresented')}</p>
      ) : (
        <ul className="practice-page__refs">
          {practice.presentedIn.map((session) => (
            <li key={session.sessionId}>
              <Link to={`/sessions/${session.sessionId}`}>
                <bdi>{session.title}</bdi>
              </Link>{' '}
              <span className="muted">
                <time dateTime={session.startsAt}>{when(session.startsAt)}</time>
                {session.presenter && (
                  <>
                    {' · '}
                    {t('library.practice.presenter')} <bdi>{session.presenter}</bdi>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {practice.capabilities.curate && (
        <PracticeCuration practice={practice} onChanged={onChanged} />
      )}
      <PracticeHistory key={practice.revision} practice={practice} />
    </>
  );
}
