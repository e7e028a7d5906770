import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { callApi } from '../../api/callApi.ts';
import { useResource } from '../../api/useResource.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { SearchForm } from '../../search/SearchForm.tsx';
import { StatusMessage } from '../../ui/StatusMessage.tsx';
import { useStatus } from '../../ui/useStatus.ts';
import { LibraryFilters } from '../LibraryFilters.tsx';
import { PracticeCard } from '../PracticeCard.tsx';
import { useFilterParams } from '../useFilterParams.ts';
import { filterPublic } from './filterPublic.ts';
import { EventKicker, PublicPageState } from './PublicPageState.tsx';
import '../../styles/organiser.css';
import '../library.css';

/**
 * `/public/library/:eventId`: a published library for anyone, signed in or not. The route
 * answers with every public practice, so the filters and the search run in the browser.
 */
export function PublicLibraryPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const load = useCallback(
    (signal: AbortSignal) => callApi('publicLibrary', { params: { eventId }, signal }),
    [eventId],
  );
  const { state, reload } = useResource(load);
  const { values: filters, setParam, clear } = useFilterParams();
  const [text, setText] = useState('');
  const { status, announce } = useStatus();
  const library = state.status === 'ready' ? state.data : null;
  useDocumentTitle(
    library ? t('library.public.title', { event: library.eventName }) : t('library.title'),
  );

  const shown = library ? filterPublic(library.practices, filters, text) : [];
  const count = library ? shown.length : null;
  useEffect(() => {
    if (count !== null) announce(t('library.count', { count }));
  }, [count, announce, t]);

  return (
    <div className="page page--wide library-page">
      <PublicPageState
        state={state}
        reload={reload}
        notPublished={t('library.public.notPublished')}
      />
      {library && (
        <>
          <EventKicker name={library.eventName} />
          <h1>{t('library.public.heading')}</h1>
          <p className="muted">{t('library.public.intro')}</p>
          <SearchForm label={t('library.public.search')} value={text} onChange={setText} />
          <LibraryFilters
            values={filters}
            onChange={setParam}
            onClear={() => clear()}
            withStatus={false}
          />
          <StatusMessage message={status.message} id={status.id} />
          {shown.length === 0 ? (
            <p>{t('library.none')}</p>
          ) : (
            <ul className="practice-list" aria-label={t('library.listLabel')}>
              {shown.map((practice) => (
                <PracticeCard
                  key={practice.id}
                  practice={practice}
                  href={`/public/library/${eventId}/${practice.id}`}
                  level={2}
                />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
