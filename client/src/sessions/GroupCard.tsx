import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BreakoutGroup, Guide, Me } from '@draftroom/shared';
import { languageName } from '../format/text.ts';
import { MemberList } from './MemberList.tsx';
import { ReviewBadge } from '../review/ReviewBadge.tsx';

interface GroupCardProps {
  group: BreakoutGroup;
  me: Me;
  /** The group's guide, when this person may open it. */
  guide: Guide | undefined;
  canJoin: boolean;
  joining: boolean;
  onJoin: () => void;
  /** Lock or unlock the group's guide (offered when the server says this person may). */
  onToggleLock: (guide: Guide) => void;
  locking: boolean;
}

/** One breakout group: language, room left, members, its guide and (maybe) "Join this group". */
export function GroupCard({
  group,
  me,
  guide,
  canJoin,
  joining,
  onJoin,
  onToggleLock,
  locking,
}: GroupCardProps) {
  const { t, i18n } = useTranslation();
  const count = group.members.length;
  const full = count >= group.capacity;
  const mine = group.members.some((member) => member.id === me.person.id);
  // Repeated link and button texts get the group's name for screen readers' lists of links.
  const groupName = (
    <span className="visually-hidden">
      {' — '}
      <bdi>{group.name}</bdi>
    </span>
  );

  return (
    <li className="group-card" data-testid="group-card">
      <div className="group-card__header">
        <h3 className="group-card__name">
          <bdi>{group.name}</bdi>
        </h3>
        {mine && <span className="pill pill--mine">{t('session.yourGroup')}</span>}
        {full && <span className="pill">{t('session.full')}</span>}
        {guide && <ReviewBadge status={guide.review.status} />}
        {guide?.lock && (
          <span className="pill pill--locked" data-testid="guide-locked">
            {t('session.locked')}
          </span>
        )}
      </div>
      <p className="group-card__facts">
        <span>
          {t('session.workingLanguage', {
            language: languageName(group.workingLanguage, i18n.language),
          })}
        </span>
        <span>{t('session.members', { count, capacity: group.capacity })}</span>
      </p>
      <div className="group-card__actions">
        {guide && (
          <Link
            to={`/g/${encodeURIComponent(guide.id)}`}
            className={mine ? 'button button--primary' : 'button'}
          >
            {guide.permission === 'write' ? t('session.openGuide') : t('session.readGuide')}
            {groupName}
          </Link>
        )}
        {guide?.canLock && (
          <button
            type="button"
            className="button"
            aria-disabled={locking}
            onClick={() => onToggleLock(guide)}
          >
            {guide.lock ? t('session.unlockOne') : t('session.lockOne')}
            {groupName}
          </button>
        )}
        {canJoin && !full && (
          <button
            type="button"
            className="button button--primary"
            aria-disabled={joining}
            onClick={onJoin}
          >
            {joining ? t('session.joining') : t('session.join')}
            {groupName}
          </button>
        )}
      </div>
      <MemberList members={group.members} selfId={me.person.id} />
    </li>
  );
}
