import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { Me } from '@draftroom/shared';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { RequireSignIn } from '../me/RequireSignIn.tsx';
import { GuideWorkspace } from './GuideWorkspace.tsx';
import { NotFoundPage } from '../app/NotFoundPage.tsx';
import { OtherGroupsGuide } from './OtherGroupsGuide.tsx';
import { useGuide } from './useGuide.ts';

/** `/g/:documentId`. Keyed by id so moving to another guide starts fresh (new doc, new socket). */
export function GuidePage() {
  const { documentId = '' } = useParams();
  return (
    <RequireSignIn>
      {(me) => <GuideLoader key={documentId} documentId={documentId} me={me} />}
    </RequireSignIn>
  );
}

function GuideLoader({ documentId, me }: { documentId: string; me: Me }) {
  const { t } = useTranslation();
  // `?block=N`: opened from a search hit, at that text block.
  const [params, setParams] = useSearchParams();
  // `?view=read`: opened to look (from the dashboard): read-only in this tab until "Edit".
  const viewOnly = params.get('view') === 'read';
  const edit = () =>
    setParams(
      (before) => {
        const next = new URLSearchParams(before);
        next.delete('view');
        return next;
      },
      { replace: true },
    );
  const block = /^\d{1,6}$/.test(params.get('block') ?? '') ? Number(params.get('block')) : null;
  const { state, reload, refresh } = useGuide(documentId);
  useDocumentTitle(
    state.status === 'ready'
      ? state.guide.title
      : state.status === 'elsewhere'
        ? t('guide.elsewhereTitle')
        : t('guide.loadingTitle'),
  );

  switch (state.status) {
    case 'notFound':
      return <NotFoundPage kind="guide" />;
    case 'elsewhere':
      return <OtherGroupsGuide />;
    case 'loading':
      return (
        <div className="page">
          <p className="muted" role="status">
            {t('guide.loading')}
          </p>
        </div>
      );
    case 'error':
      return (
        <div className="page">
          <h1>{t('guide.errorTitle')}</h1>
          <ErrorNotice error={state.error} onRetry={reload} />
        </div>
      );
    case 'ready':
      return (
        <GuideWorkspace
          guide={state.guide}
          me={me}
          onGuideChanged={refresh}
          openAtBlock={block}
          viewOnly={viewOnly}
          onEdit={edit}
        />
      );
  }
}
