import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { RequireSignIn } from '../me/RequireSignIn.tsx';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { StatusMessage } from '../ui/StatusMessage.tsx';
import { useStatus } from '../ui/useStatus.ts';
import { SearchForm } from './SearchForm.tsx';
import { SearchHitItem } from './SearchHitItem.tsx';
import { searchable, usePaused, useSearch } from './useSearch.ts';

/** `/search?q=…`: words in every guide the person may open; each hit opens its guide there. */
export function SearchPage() {
  return <RequireSignIn>{() => <SearchView />}</RequireSignIn>;
}

function SearchView() {
  const { t } = useTranslation();
  useDocumentTitle(t('search.title'));
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(() => params.get('q') ?? '');
  const q = searchable(usePaused(text));
  const { state, reload } = useSearch(q);
  const { status, announce } = useStatus();
  const firstHit = useRef<HTMLOListElement>(null);

  // The words searched stay in the address, so Back from a guide comes back to the results.
  useEffect(() => {
    if ((params.get('q') ?? '') !== (q ?? '')) setParams(q ? { q } : {}, { replace: true });
  }, [q, params, setParams]);

  // Said once per answer: how many were found (the list itself is not a live region).
  const result = state?.status === 'ready' ? state.data : null;
  useEffect(() => {
    if (!result) return;
    announce(
      result.more
        ? t('search.countMore', { count: result.hits.length })
        : t('search.count', { count: result.hits.length }),
    );
  }, [result, announce, t]);

  return (
    <div className="page page--wide search-page">
      <h1>{t('search.title')}</h1>
      <SearchForm
        label={t('search.label')}
        hint={t('search.hint')}
        value={text}
        onChange={setText}
        // Enter moves to the results when there are some; the search itself runs as one types.
        onSubmit={() => firstHit.current?.querySelector('a')?.focus()}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            const link = firstHit.current?.querySelector('a');
            if (link) {
              event.preventDefault();
              link.focus();
            }
          }
        }}
      />
      <StatusMessage message={status.message} id={status.id} />
      {state?.status === 'loading' && <p className="muted">{t('search.searching')}</p>}
      {state?.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {result && result.hits.length === 0 && (
        <p className="search-page__none">{t('search.none', { q })}</p>
      )}
      {result && result.hits.length > 0 && (
        <ol ref={firstHit} className="search-hits" aria-label={t('search.resultsLabel')}>
          {result.hits.map((hit) => (
            <SearchHitItem key={`${hit.guideId}:${hit.block}`} hit={hit} />
          ))}
        </ol>
      )}
    </div>
  );
}
