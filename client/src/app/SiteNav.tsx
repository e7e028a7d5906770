import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Me } from '@draftroom/shared';
import { canOrganise } from '../me/capabilities.ts';

/** The main navigation for a signed-in person; "Organise" only for those who can. */
export function SiteNav({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.label')} className="site-nav">
      <NavLink to="/" end className="site-nav__link">
        {t('nav.myGuides')}
      </NavLink>
      <NavLink to="/programme" className="site-nav__link">
        {t('nav.programme')}
      </NavLink>
      <NavLink to="/search" className="site-nav__link">
        {t('nav.search')}
      </NavLink>
      <NavLink to="/library" className="site-nav__link">
        {t('library.nav')}
      </NavLink>
      {me.capabilities.manageEvent && (
        <NavLink to="/dashboard" className="site-nav__link">
          {t('nav.dashboard')}
        </NavLink>
      )}
      {canOrganise(me) && (
        <NavLink to="/organise" className="site-nav__link">
          {t('nav.organise')}
        </NavLink>
      )}
    </nav>
  );
}
