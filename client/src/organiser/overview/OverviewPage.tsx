import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { managesEvent } from '../access.ts';
import { useOrganiser } from '../OrganiserContext.ts';
import { EventSummary } from './EventSummary.tsx';

/** `/organise`: what the event is, and a door to each section this person may use. */
export function OverviewPage() {
  const { t } = useTranslation();
  const { me, programme } = useOrganiser();
  const sectionsId = useId();
  useDocumentTitle(t('organiser.overview.title'));
  const organiser = managesEvent(me);

  const sections = [
    { to: 'event', key: 'event', show: organiser },
    { to: 'sessions', key: 'sessions', show: true },
    { to: 'invites', key: 'invites', show: organiser },
    { to: 'people', key: 'people', show: organiser },
    { to: 'import', key: 'import', show: organiser },
  ] as const;

  return (
    <div className="organiser-page">
      <h1>{t('organiser.overview.title')}</h1>
      <p className="lead">
        {organiser
          ? t('organiser.overview.introOrganiser')
          : t('organiser.overview.introFacilitator')}
      </p>
      <EventSummary event={programme.event} sessions={programme.sessions} />
      <section aria-labelledby={sectionsId}>
        <h2 id={sectionsId}>{t('organiser.overview.sectionsHeading')}</h2>
        <ul className="org-section-links">
          {sections
            .filter((section) => section.show)
            .map((section) => (
              <li key={section.key} className="org-section-links__item">
                <Link to={section.to} className="org-section-links__link">
                  {t(`organiser.nav.${section.key}`)}
                </Link>
                <p className="org-section-links__text">
                  {section.key === 'sessions' && !organiser
                    ? t('organiser.overview.sections.sessionsFacilitator')
                    : t(`organiser.overview.sections.${section.key}`)}
                </p>
              </li>
            ))}
        </ul>
      </section>
    </div>
  );
}
