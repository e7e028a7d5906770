import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '@draftroom/shared';
import { identityOf } from '@draftroom/shared';
import { initials } from '../identity/initials.ts';

interface PersonChipProps {
  me: Me;
  onProfile: () => void;
  onSignOut: () => void;
}

/** Who is signed in (name, role, the badge others see in guides), with Profile and Sign out. */
export function PersonChip({ me, onProfile, onSignOut }: PersonChipProps) {
  const { t } = useTranslation();
  const { person } = me;
  const { color } = identityOf(person);
  return (
    <div className="person-chip" data-testid="person-chip">
      <span className="badge" style={{ backgroundColor: color }} aria-hidden="true">
        {initials(person.displayName)}
      </span>
      <span className="person-chip__text">
        <span className="visually-hidden">{t('account.signedInAs')} </span>
        {/* Cut short with an ellipsis past 14rem (layout.css); the whole name in the tooltip. */}
        <bdi className="person-chip__name" title={person.displayName}>
          {person.displayName}
        </bdi>
        <span className="person-chip__role">{t(`roles.${person.role}`)}</span>
      </span>
      <button type="button" className="button button--small" onClick={onProfile}>
        {t('account.profile')}
      </button>
      <Link to="/devices/add" className="button button--small">
        {t('account.addDevice')}
      </Link>
      <button type="button" className="button button--small" onClick={onSignOut}>
        {t('account.signOut')}
      </button>
    </div>
  );
}
