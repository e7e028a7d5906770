import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { ErrorNotice } from '../app/ErrorNotice.tsx';
import { GuideList } from './GuideList.tsx';
import { NewGuideForm } from './NewGuideForm.tsx';
import { useGuideList } from './useGuideList.ts';

export function HomePage() {
  const { t } = useTranslation();
  const listHeadingId = useId();
  const { state, reload } = useGuideList();
  useDocumentTitle(t('home.title'));

  return (
    <div className="page page--home">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <NewGuideForm />
      <section
        className="guides"
        aria-labelledby={listHeadingId}
        aria-busy={state.status === 'loading'}
      >
        <h2 id={listHeadingId}>{t('home.list.heading')}</h2>
        {state.status === 'loading' && <p className="muted">{t('home.list.loading')}</p>}
        {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
        {state.status === 'ready' && <GuideList guides={state.guides} />}
      </section>
    </div>
  );
}
