import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { callApi } from '../../api/callApi.ts';
import { useResource } from '../../api/useResource.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { PracticeDetails } from '../PracticeDetails.tsx';
import { isNotPublished } from './PublicLibraryPage.tsx';
import '../../styles/organiser.css';
import '../library.css';

/** `/public/library/:eventId/:practiceId`: one public practice, for anyone (never its contact). */
export function PublicPracticePage() {
  const { t } = useTranslation();
  const { eventId = '', practiceId = '' } = useParams();
  const load = useCallback(
    (signal: AbortSignal) => callApi('publicPractice', { params: { eventId, practiceId }, signal }),
    [eventId, practiceId],
  );
  const { state, reload } = useResource(load);
  const page = state.status === 'ready' ? state.data : null;
  useDocumentTitle(page?.practice.title ?? t('library.title'));
  return (
    <div className="page page--wide library-page practice-page">
      <p>
        <Link to={`/public/library/${eventId}`}>{t('library.public.back')}</Link>
      </p>
      {state.status === 'loading' && (
        <p className="muted" role="status">
          {t('library.public.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <>
          <h1>{t('library.title')}</h1>
          {isNotPublished(state.error) ? (
            <p className="notice">{t('library.public.practiceNotPublic')}</p>
          ) : (
            <ErrorNotice error={state.error} onRetry={reload} />
          )}
        </>
      )}
      {page && (
        <>
          <p className="kicker">
            <bdi>{page.eventName}</bdi>
          </p>
          <h1 dir="auto">{page.practice.title}</h1>
          <PracticeDetails content={page.practice} region={page.practice.region} />
        </>
      )}
    </div>
  );
}
