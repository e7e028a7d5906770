import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PracticeList } from '@draftroom/shared';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { RequireSignIn } from '../me/RequireSignIn.tsx';
import { SearchForm } from '../search/SearchForm.tsx';
import { searchable, usePaused } from '../search/useSearch.ts';
import { ResourceState } from '../ui/ResourceState.tsx';
import { StatusMessage } from '../ui/StatusMessage.tsx';
import { useStatus } from '../ui/useStatus.ts';
import { LibraryFilters } from './LibraryFilters.tsx';
import { DownloadLibrary, LibraryPublishing } from './LibraryTools.tsx';
import { listQuery } from './libraryQuery.ts';
import { PracticeCard } from './PracticeCard.tsx';
import { useFilterParams } from './useFilterParams.ts';
import { useLibrary } from './useLibrary.ts';
import './library.css';

/** `/library`: the good-practice library, searched as one types and filtered. */
export function LibraryPage() {
  return <RequireSignIn>{() => <LibraryView />}</RequireSignIn>;
}

function LibraryView() {
  const { t } = useTranslation();
  useDocumentTitle(t('library.title'));
  const { params, values, setParam, clear } = useFilterParams();
  const [text, setText] = useState(() => params.get('q') ?? '');
  const q = searchable(usePaused(text));
  const query = listQuery(params, q);
  const { state, reload } = useLibrary(query);
  const { status, announce } = useStatus();
  // The list stays on screen while the next answer comes (no flash between keystrokes).
  const [shown, setShown] = useState<PracticeList | null>(null);
  const list = state.status === 'ready' ? state.data : null;

  if (list && list !== shown) setShown(list);
  useEffect(() => {
    if (!list) return;
    announce(t('library.count', { count: list.practices.length }));
  }, [list, announce, t]);

  // The words searched stay in the address with the filters.
  useEffect(() => {
    if ((params.get('q') ?? '') !== (q ?? '')) setParam('q', q ?? '');
  }, [q, params, setParam]);

  const capabilities = shown?.capabilities;

  return (
    <div className="page page--wide library-page">
      <h1>{t('library.title')}</h1>
      <p className="muted">{t('library.intro')}</p>
      {capabilities?.submit && (
        <p>
          <Link to="/library/new" className="button button--primary">
            {t('library.submit')}
          </Link>
        </p>
      )}
      {capabilities?.curate && <LibraryPublishing />}
      <DownloadLibrary />

      <h2>{t('library.find')}</h2>
      <SearchForm
        label={t('library.search.label')}
        hint={t('library.search.hint')}
        value={text}
        onChange={setText}
        onSubmit={() => document.querySelector<HTMLAnchorElement>('.practice-card a')?.focus()}
      />
      <LibraryFilters
        values={values}
        onChange={setParam}
        onClear={() => clear(q ? { q } : {})}
        withStatus={capabilities?.curate ?? false}
      />
      {capabilities?.parliament && !capabilities.parliamentConfirmed && (
        <p className="notice" data-testid="parliament-unconfirmed">
          {t('library.unconfirmed', { parliament: '\u2068' + capabilities.parliament + '\u2069' })}
        </p>
      )}
      {capabilities?.parliament && (
        <label className="org-choice library-mine">
          <input
            type="checkbox"
            checked={values.mine === '1'}
            onChange={(event) => setParam('mine', event.target.checked ? '1' : '')}
          />
          <span>
            {t('library.mine')} (<bdi>{capabilities.parliament}</bdi>)
          </span>
        </label>
      )}

      <StatusMessage message={status.message} id={status.id} />
      {state.status === 'error' && <ResourceState resource={state} onRetry={reload} />}
      {!shown && state.status === 'loading' && <ResourceState resource={state} onRetry={reload} />}
      {shown && shown.practices.length === 0 && <p>{t('library.none')}</p>}
      {shown && shown.practices.length > 0 && (
        <ul className="practice-list" aria-label={t('library.listLabel')}>
          {shown.practices.map((practice) => (
            <PracticeCard key={practice.id} practice={practice} href={`/library/${practice.id}`} />
          ))}
        </ul>
      )}
    </div>
  );
}
