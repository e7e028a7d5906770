import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Me } from '@draftroom/shared';
import { managesEvent } from './access.ts';

/** The organiser sections; facilitators see only those they can use. */
export function OrganiserNav({ me }: { me: Me }) {
  const { t } = useTranslation();
  const organiser = managesEvent(me);
  const links = [
    { to: '/organise', label: t('organiser.nav.overview'), end: true, show: true },
    { to: '/organise/event', label: t('organiser.nav.event'), show: organiser },
    { to: '/organise/sessions', label: t('organiser.nav.sessions'), show: true },
    { to: '/organise/templates', label: t('organiser.nav.templates'), show: organiser },
    { to: '/organise/invites', label: t('organiser.nav.invites'), show: organiser },
    { to: '/organise/registration', label: t('registration.nav'), show: organiser },
    { to: '/organise/people', label: t('organiser.nav.people'), show: organiser },
    { to: '/organise/import', label: t('organiser.nav.import'), show: organiser },
  ];
  return (
    <nav aria-label={t('organiser.nav.label')} className="organiser-nav">
      <ul className="organiser-nav__list">
        {links
          .filter((link) => link.show)
          .map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.end} className="organiser-nav__link">
                {link.label}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}
