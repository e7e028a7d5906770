import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { callApi } from '../../api/callApi.ts';
import { ApiRequestError } from '../../api/client.ts';
import { useResource } from '../../api/useResource.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { StatusMessage } from '../../ui/StatusMessage.tsx';
import { useStatus } from '../../ui/useStatus.ts';
import { LibraryFilters } from '../LibraryFilters.tsx';
import { filterNames, type FilterName } from '../libraryQuery.ts';
import { PracticeCard } from '../PracticeCard.tsx';
import { filterPublic } from './filterPublic.ts';
import '../../styles/organiser.css';
import '../library.css';

/** A 404 from a public route: the library is not published, or the practice is not public. */
export function isNotPublished(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 404;
}

/**
 * `/public/library/:eventId`: a published library for anyone, signed in or not. The route
 * answers with every public practice, so the filters and the search run in the browser.
 */
export function PublicLibraryPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const ids = useId();
  const load = useCallback(
    (signal: AbortSignal) => callApi('publicLibrary', { params: { eventId }, signal }),
    [eventId],
  );
  const { state, reload } = useResource(load);
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState('');
  const { status, announce } = useStatus();
  const library = state.status === 'ready' ? state.data : null;
  useDocumentTitle(
    library ? t('library.public.title', { event: library.eventName }) : t('library.title'),
  );

  const filters = Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? '']));
  const shown = library ? filterPublic(library.practices, filters, text) : [];
  const count = library ? shown.length : null;
  useEffect(() => {
    if (count !== null) announce(t('library.count', { count }));
  }, [count, announce, t]);
  const setFilter = (name: FilterName, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <div className="page page--wide library-page">
      {state.status === 'loading' && (
        <p className="muted" role="status">
          {t('library.public.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <>
          <h1>{t('library.title')}</h1>
          {isNotPublished(state.error) ? (
            <p className="notice">{t('library.public.notPublished')}</p>
          ) : (
            <ErrorNotice error={state.error} onRetry={reload} />
          )}
        </>
      )}
      {library && (
        <>
          <p className="kicker">
            <bdi>{library.eventName}</bdi>
          </p>
          <h1>{t('library.public.heading')}</h1>
          <p className="muted">{t('library.public.intro')}</p>
          <form role="search" className="search-form" onSubmit={(e) => e.preventDefault()}>
            <label htmlFor={`${ids}-q`} className="search-form__label">
              {t('library.public.search')}
            </label>
            <input
              id={`${ids}-q`}
              className="search-form__input"
              type="search"
              dir="auto"
              autoComplete="off"
              maxLength={200}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          </form>
          <LibraryFilters
            values={filters}
            onChange={setFilter}
            onClear={() => setParams({}, { replace: true })}
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
