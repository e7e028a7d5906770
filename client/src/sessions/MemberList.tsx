import { useTranslation } from 'react-i18next';
import type { Member } from '@draftroom/shared';
import { countryName } from '../countries/countryNames.ts';

/** Who is in a group: name, parliament and country (named in the page's language). */
export function MemberList({ members, selfId }: { members: readonly Member[]; selfId: string }) {
  const { t, i18n } = useTranslation();
  if (members.length === 0) return <p className="muted">{t('session.noMembers')}</p>;
  const collator = new Intl.Collator(i18n.language, { sensitivity: 'base' });
  const sorted = [...members].sort((a, b) => collator.compare(a.displayName, b.displayName));
  return (
    <ul className="member-list" aria-label={t('session.membersLabel')}>
      {sorted.map((member) => (
        <li key={member.id} className="member">
          <bdi className="member__name">{member.displayName}</bdi>
          {member.id === selfId && <span className="member__note">{t('presence.you')}</span>}
          {member.role !== 'participant' && (
            <span className="member__note">{t(`roles.${member.role}`)}</span>
          )}
          <span className="member__detail">
            <bdi>{member.parliament}</bdi>
            {' · '}
            {countryName(member.country, i18n.language)}
          </span>
        </li>
      ))}
    </ul>
  );
}
