import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { documentIdSchema, type Me } from '@draftroom/shared';
import { ApiRequestError } from '../api/client.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { useResource } from '../api/useResource.ts';
import { RequireSignIn } from '../me/RequireSignIn.tsx';
import { NotFoundPage } from '../app/NotFoundPage.tsx';
import { loadSessionPage } from './loadSessionPage.ts';
import { SessionView } from './SessionView.tsx';

/** `/sessions/:sessionId`: one session, its breakout groups and who is in each. */
export function SessionPage() {
  const { sessionId = '' } = useParams();
  return (
    <RequireSignIn>
      {(me) => <SessionLoader key={sessionId} sessionId={sessionId} me={me} />}
    </RequireSignIn>
  );
}

function SessionLoader({ sessionId, me }: { sessionId: string; me: Me }) {
  const { t } = useTranslation();
  const load = useCallback(
    (signal: AbortSignal) => loadSessionPage(sessionId, signal),
    [sessionId],
  );
  const { state, reload, refresh } = useResource(load);
  useDocumentTitle(
    state.status === 'ready' ? state.data.detail.session.title : t('session.loadingTitle'),
  );

  // An id that could never exist is "not found" without asking the server.
  const notFound =
    !documentIdSchema.safeParse(sessionId).success ||
    (state.status === 'error' &&
      state.error instanceof ApiRequestError &&
      state.error.code === 'not_found');
  if (notFound) return <NotFoundPage kind="session" />;

  return (
    <div className="page page--wide session-page">
      <p className="back-link">
        <Link to="/programme">{t('session.back')}</Link>
      </p>
      {state.status === 'loading' && (
        <p className="muted" role="status">
          {t('session.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <>
          <h1>{t('session.errorTitle')}</h1>
          <ErrorNotice error={state.error} onRetry={reload} />
        </>
      )}
      {state.status === 'ready' && <SessionView data={state.data} me={me} onChanged={refresh} />}
    </div>
  );
}
