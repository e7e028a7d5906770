import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { documentIdSchema, type Me } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { useResource } from '../api/useResource.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { NotFoundPage } from '../app/NotFoundPage.tsx';
import { RequireSignIn } from '../me/RequireSignIn.tsx';
import { LiveBar } from '../sessionLive/SessionLiveBar.tsx';
import { useSessionLive } from '../sessionLive/useSessionLive.ts';
import { ResourceState } from '../ui/ResourceState.tsx';
import { ConsoleControls } from './ConsoleControls.tsx';
import { ConsoleGroups } from './ConsoleGroups.tsx';

/**
 * `/sessions/:sessionId/console`: the facilitator's view of every group of a session at once
 * (who is online, words written, locked) with the controls that reach all of them: timer, phase,
 * announcements, locks. Everything on it follows live.
 */
export function SessionConsolePage() {
  const { sessionId = '' } = useParams();
  if (!documentIdSchema.safeParse(sessionId).success) return <NotFoundPage kind="session" />;
  return (
    <RequireSignIn>
      {(me) => <SessionConsole key={sessionId} sessionId={sessionId} me={me} />}
    </RequireSignIn>
  );
}

function SessionConsole({ sessionId }: { sessionId: string; me: Me }) {
  const { t } = useTranslation();
  const loadSession = useCallback(
    (signal: AbortSignal) => callApi('getSession', { params: { sessionId }, signal }),
    [sessionId],
  );
  const loadConsole = useCallback(
    (signal: AbortSignal) => callApi('sessionConsole', { params: { sessionId }, signal }),
    [sessionId],
  );
  const session = useResource(loadSession);
  const overview = useResource(loadConsole);
  // One stream for the page: every change brings the live state and reloads the groups.
  const live = useSessionLive(sessionId, overview.refresh);
  const title = session.state.status === 'ready' ? session.state.data.session.title : '';
  useDocumentTitle(t('console.pageTitle', { title }));

  return (
    <div className="page page--wide session-console">
      <p className="back-link">
        <Link to={`/sessions/${encodeURIComponent(sessionId)}`}>{t('console.back')}</Link>
      </p>
      <h1>
        {t('console.heading')} <bdi>{title}</bdi>
      </h1>
      {overview.state.status !== 'ready' || live.state.status !== 'ready' ? (
        <ResourceState
          resource={overview.state.status !== 'ready' ? overview.state : live.state}
          onRetry={overview.reload}
        />
      ) : (
        <>
          <LiveBar live={live.state.data} offsetMs={live.offsetMs} />
          <ConsoleControls
            sessionId={sessionId}
            live={live.state.data}
            groups={overview.state.data.groups}
            onChanged={overview.refresh}
          />
          <ConsoleGroups groups={overview.state.data.groups} />
        </>
      )}
    </div>
  );
}
