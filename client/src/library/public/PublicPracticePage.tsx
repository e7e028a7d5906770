import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { callApi } from '../../api/callApi.ts';
import { useResource } from '../../api/useResource.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { PracticeDetails } from '../PracticeDetails.tsx';
import { EventKicker, PublicPageState } from './PublicPageState.tsx';
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
      <PublicPageState
        state={state}
        reload={reload}
        notPublished={t('library.public.practiceNotPublic')}
      />
      {page && (
        <>
          <EventKicker name={page.eventName} />
          <h1 dir="auto">{page.practice.title}</h1>
          <PracticeDetails content={page.practice} region={page.practice.region} />
        </>
      )}
    </div>
  );
}
