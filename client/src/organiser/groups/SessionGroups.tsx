import { useCallback, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { managesEvent, managesGroup, managesSession } from '../access.ts';
import { zoneLabel } from '../../format/dates.ts';
import { formatTimeRange } from '../formatting.ts';
import { awaitingAutoAssign, splitUnassigned, unassignedPeople } from '../membership.ts';
import { useOrganiser } from '../OrganiserContext.ts';
import { AccessNotice } from '../ui/AccessNotice.tsx';
import { ResourceState } from '../../ui/ResourceState.tsx';
import { StatusMessage } from '../../ui/StatusMessage.tsx';
import { useStatus } from '../../ui/useStatus.ts';
import { useResource } from '../../api/useResource.ts';
import { loadPeople } from '../../api/loaders.ts';
import { AddGroup } from './AddGroup.tsx';
import { AutoAssignPanel } from './AutoAssignPanel.tsx';
import { GroupCard } from './GroupCard.tsx';
import { ManualAssign } from './ManualAssign.tsx';
import { callApi } from '../../api/callApi.ts';

export function SessionGroups({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation();
  const { me, programme } = useOrganiser();
  const groupsHeadingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { status, announce } = useStatus();
  const { state: detail, refresh: reloadDetail } = useResource(
    useCallback(
      (signal: AbortSignal) => callApi('getSession', { params: { sessionId }, signal }),
      [sessionId],
    ),
  );
  const { state: people, refresh: reloadPeople } = useResource(loadPeople);
  const title = detail.status === 'ready' ? detail.data.session.title : null;
  useDocumentTitle(title ?? t('organiser.groups.loadingTitle'));

  /** After any change: both the groups and everyone's memberships may have moved. */
  const changed = useCallback(
    (message: string) => {
      reloadDetail();
      reloadPeople();
      announce(message);
    },
    [reloadDetail, reloadPeople, announce],
  );

  if (detail.status !== 'ready') {
    return (
      <div className="organiser-page">
        <ResourceState resource={detail} onRetry={reloadDetail} />
      </div>
    );
  }
  const { session, groups } = detail.data;
  const sessionManager = managesSession(me, session.id);
  const managedGroups = groups.filter((group) => managesGroup(me, group));
  if (!sessionManager && managedGroups.length === 0) return <AccessNotice reason="noAccess" />;
  const unassigned =
    people.status === 'ready' ? unassignedPeople(people.data, detail.data, i18n.language) : [];
  // One list of waiting participants for both the "Not in a group yet" count and the panel's.
  const { participants: waiting, others } = splitUnassigned(unassigned);

  return (
    <div className="organiser-page">
      <p className="org-breadcrumb">
        <Link to="/organise/sessions">{t('organiser.sessionForm.backToSessions')}</Link>
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        <bdi>{session.title}</bdi>
      </h1>
      <p className="lead">
        {formatTimeRange(session.startsAt, session.endsAt, i18n.language, programme.event.timeZone)}{' '}
        <bdi>
          {zoneLabel(programme.event.timeZone, i18n.language, Date.parse(session.startsAt))}
        </bdi>
        {' · '}
        {t(`organiser.kinds.${session.kind}`)}
      </p>
      {session.kind !== 'co-creation' ? (
        <p className="notice">{t('organiser.groups.notCoCreation')}</p>
      ) : (
        <>
          {session.selfSelect && <p className="notice">{t('organiser.groups.selfSelectOn')}</p>}
          <StatusMessage message={status.message} id={status.id} />
          <section aria-labelledby={groupsHeadingId}>
            <h2 id={groupsHeadingId}>{t('organiser.groups.heading')}</h2>
            {groups.length === 0 ? (
              <p className="empty-state">{t('organiser.groups.empty')}</p>
            ) : (
              <div className="org-group-grid">
                {groups.map((group) => (
                  <GroupCard
                    key={group.id}
                    group={group}
                    moveTargets={managedGroups}
                    canManage={managesGroup(me, group)}
                    canDelete={managesEvent(me)}
                    sessionLanguages={session.languages}
                    onChanged={changed}
                    onDeleted={(message) => {
                      changed(message);
                      headingRef.current?.focus();
                    }}
                  />
                ))}
              </div>
            )}
            {sessionManager && (
              <AddGroup sessionId={session.id} languages={session.languages} onCreated={changed} />
            )}
          </section>
          {people.status !== 'ready' ? (
            <ResourceState resource={people} onRetry={reloadPeople} />
          ) : (
            <ManualAssign
              people={waiting}
              others={others}
              groups={managedGroups}
              onAssigned={changed}
            />
          )}
          {sessionManager && people.status === 'ready' && (
            <AutoAssignPanel
              sessionId={session.id}
              people={people.data}
              groups={groups}
              waitingCount={waiting.length}
              balancedCount={awaitingAutoAssign(waiting, session.id).length}
              onAssigned={() => {
                reloadDetail();
                reloadPeople();
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
