import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '@draftroom/shared';
import { GroupCard } from './GroupCard.tsx';
import { SessionFacts } from './SessionFacts.tsx';
import { SelfSelectStatus, useSelfSelect } from './useSelfSelect.tsx';
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
      <section className="groups" aria-labelledby={groupsHeadingId}>
        <h2 id={groupsHeadingId}>{t('session.groupsHeading')}</h2>
        <SelfSelectStatus state={selfSelect.state} />
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
              />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
