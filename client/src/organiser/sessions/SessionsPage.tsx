import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { managesEvent, visibleSessions } from '../access.ts';
import { useOrganiser } from '../OrganiserContext.ts';
import { ResourceState } from '../../ui/ResourceState.tsx';
import { StatusMessage } from '../../ui/StatusMessage.tsx';
import { useStatus } from '../../ui/useStatus.ts';
import { useGroupSessionIds } from '../useGroupSessionIds.ts';
import { SessionDays } from './SessionDays.tsx';

/** What the session editor says it saved, passed along with the navigation back here. */
export interface SessionsPageState {
  saved?: { title: string; created: boolean };
}

/** `/organise/sessions`: the programme by day; organisers add, edit and delete sessions. */
export function SessionsPage() {
  const { t } = useTranslation();
  const { me, programme, reloadProgramme } = useOrganiser();
  const groupSessionIds = useGroupSessionIds(me);
  const { status, announce } = useStatus();
  const location = useLocation();
  const navigate = useNavigate();
  // Shown once: kept here, then dropped from the history entry so a reload does not repeat it.
  const [saved] = useState((location.state as SessionsPageState | null)?.saved);
  useEffect(() => {
    if (location.state) void navigate('.', { replace: true, state: null });
  }, [location.state, navigate]);
  useDocumentTitle(t('organiser.sessions.title'));
  const organiser = managesEvent(me);
  // After a delete the session's row is gone; focus goes to the page heading, not the void.
  const headingRef = useRef<HTMLHeadingElement>(null);

  return (
    <div className="organiser-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('organiser.sessions.title')}
      </h1>
      <p className="lead">
        {organiser
          ? t('organiser.sessions.introOrganiser')
          : t('organiser.sessions.introFacilitator')}
      </p>
      {saved && !status.message && (
        <p className="notice org-notice--success">
          {t(saved.created ? 'organiser.sessions.created' : 'organiser.sessions.updated', {
            title: saved.title,
          })}
        </p>
      )}
      <StatusMessage message={status.message} id={status.id} />
      {organiser && (
        <p>
          <Link to="new" className="button button--primary">
            {t('organiser.sessions.new')}
          </Link>
        </p>
      )}
      {groupSessionIds.status !== 'ready' ? (
        <ResourceState resource={groupSessionIds} onRetry={() => window.location.reload()} />
      ) : (
        <SessionDays
          event={programme.event}
          sessions={visibleSessions(me, programme.sessions, groupSessionIds.data)}
          canEdit={organiser}
          onDeleted={(title) => {
            reloadProgramme();
            announce(t('organiser.sessions.deleted', { title }));
            headingRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}
