import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { audienceTags, delegateStatuses } from '@draftroom/shared';
import { formatNumber } from '../../organiser/formatting.ts';
import { regionFilters, type RegistrationCounts as Counts } from './registrationView.ts';

/** How many delegates, by status, audience and region, among those shown. */
export function RegistrationCounts({ counts }: { counts: Counts }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const number = (value: number) => formatNumber(value, i18n.language);
  const regions = regionFilters.filter((region) => (counts.byRegion[region] ?? 0) > 0);
  return (
    <section
      aria-labelledby={headingId}
      className="registration-counts"
      data-testid="registration-counts"
    >
      <h2 id={headingId} className="visually-hidden">
        {t('registration.counts.heading')}
      </h2>
      <p className="registration-counts__total">
        {t('registration.counts.total', {
          delegates: t('registration.counts.delegates', { count: counts.delegates }),
          parliaments: t('registration.counts.parliaments', { count: counts.delegations }),
        })}
      </p>
      <div className="registration-counts__groups">
        <div>
          <h3 className="registration-counts__title">{t('registration.counts.byStatus')}</h3>
          <dl className="org-summary-list">
            {delegateStatuses.map((status) => (
              <div key={status}>
                <dt>{t(`registration.counts.status.${status}`)}</dt>
                <dd>{number(counts.byStatus[status])}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div>
          <h3 className="registration-counts__title">{t('registration.counts.byAudience')}</h3>
          <dl className="org-summary-list">
            {audienceTags.map((tag) => (
              <div key={tag}>
                <dt>{t(`audience.${tag}`)}</dt>
                <dd>{number(counts.byAudience[tag])}</dd>
              </div>
            ))}
          </dl>
        </div>
        {regions.length > 0 && (
          <div>
            <h3 className="registration-counts__title">{t('registration.counts.byRegion')}</h3>
            <dl className="org-summary-list">
              {regions.map((region) => (
                <div key={region}>
                  <dt>{t(`registration.regions.${region}`)}</dt>
                  <dd>{number(counts.byRegion[region] ?? 0)}</dd>
                </div>
              ))}
            </dl>
          </div>
        )}
      </div>
    </section>
  );
}
