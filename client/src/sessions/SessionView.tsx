import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '@draftroom/shared';
import { GroupCard } from './GroupCard.tsx';
import { SessionFacts } from './SessionFacts.tsx';
import { SelfSelectStatus, useSelfSelect } from './useSelfSelect.tsx';
import { useGuideLocks } from './useGuideLocks.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { StatusMessage } from '../ui/StatusMessage.tsx';
import { SessionExportPanel } from '../exports/SessionExportPanel.tsx';
import { compareUrl } from '../app/compareUrl.ts';
import { InteractionSection } from '../interaction/InteractionSection.tsx';
import { SessionPracticesSection } from '../citations/SessionPracticesSection.tsx';
import type { SessionPageData } from './loadSessionPage.ts';

interface SessionViewProps {
  data: SessionPageData;
  me: Me;
  /** Ask the server again (after joining a group), keeping the page on screen meanwhile. */
  onChanged: () => void;
}

export function SessionView({ data, me, onChanged }: SessionViewProps) {
  const { t } = useTranslation();
  const { session, groups } = data.detail;
  const groupsHeadingId = useId();
  const selfSelect = useSelfSelect(onChanged);
  // The server's policy decides; the page only offers what it would allow.
  const mayChoose = data.detail.capabilities.chooseGroup;
  const locks = useGuideLocks(session.id, onChanged);
  // Lock controls for those the server lets lock this session's guides (never guessed from roles).
  const guidesHere = groups.flatMap((group) => data.guides.get(group.guideId) ?? []);
  const mayLockAll =
    guidesHere.length > 0 &&
    (me.capabilities.manageEvent || me.capabilities.facilitatedSessionIds.includes(session.id));
  const allLocked = guidesHere.every((guide) => guide.lock !== null);

  return (
    <>
      <h1>
        <bdi>{session.title}</bdi>
      </h1>
      <SessionFacts session={session} />
      {session.description && (
        <div className="session-page__description" dir="auto">
          {session.description}
        </div>
      )}
      {session.kind === 'good-practice-exchange' && (
        <SessionPracticesSection sessionId={session.id} />
      )}
      <InteractionSection sessionId={session.id} />
      <section className="groups" aria-labelledby={groupsHeadingId}>
        <h2 id={groupsHeadingId}>{t('session.groupsHeading')}</h2>
        <SelfSelectStatus state={selfSelect.state} />
        {mayLockAll && (
          <div className="session-locks">
            <Link
              to={`/sessions/${encodeURIComponent(session.id)}/console`}
              className="button button--primary"
            >
              {t('console.openConsole')}
            </Link>
            <button
              type="button"
              className="button"
              aria-disabled={locks.busy}
              onClick={() => void locks.lockSession(!allLocked)}
            >
              {allLocked ? t('session.unlockAll') : t('session.lockAll')}
            </button>
          </div>
        )}
        {locks.error !== null && <ErrorNotice error={locks.error} />}
        <StatusMessage message={locks.status.message} id={locks.status.id} />
        {mayChoose && <p className="notice">{t('session.chooseIntro')}</p>}
        {groups.length === 0 ? (
          <p className="empty-state">{t('session.noGroups')}</p>
        ) : (
          <ul className="group-list">
            {groups.map((group) => (
              <GroupCard
                key={group.id}
                group={group}
                me={me}
                guide={data.guides.get(group.guideId)}
                canJoin={mayChoose}
                joining={selfSelect.joiningId === group.id}
                onJoin={() => void selfSelect.join(group)}
                onToggleLock={(guide) => void locks.lockGuide(group, guide)}
                locking={locks.busy}
              />
            ))}
          </ul>
        )}
        {guidesHere.length >= 2 && (
          // Two of the session's guides this person may read, to start from; the page lets
          // them choose any two.
          <p className="session-compare">
            <Link to={compareUrl(guidesHere[0]!.id, guidesHere[1]!.id)}>
              {t('compare.fromSession')}
            </Link>
          </p>
        )}
      </section>
      {data.detail.capabilities.compileGuides && (
        <SessionExportPanel sessionId={session.id} groups={groups} />
      )}
    </>
  );
}
