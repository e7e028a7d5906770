import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConferenceEvent, ConferenceSession } from '@draftroom/shared';
import { eventZoneLabel } from '../../format/dates.ts';
import { formatDayRange, formatNumber } from '../formatting.ts';
import { workingLanguageName } from '../languages.ts';
import { InlineList } from '../../ui/InlineList.tsx';

/** The event at a glance: name, days, time zone, languages and how many sessions it has. */
export function EventSummary({
  event,
  sessions,
}: {
  event: ConferenceEvent;
  sessions: readonly ConferenceSession[];
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const locale = i18n.language;
  const coCreation = sessions.filter((session) => session.kind === 'co-creation').length;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        <bdi>{event.name}</bdi>
      </h2>
      <dl className="org-summary-list">
        <div>
          <dt>{t('organiser.overview.days')}</dt>
          <dd>{formatDayRange(event.startsOn, event.endsOn, locale)}</dd>
        </div>
        <div>
          <dt>{t('organiser.overview.timeZone')}</dt>
          <dd>
            <bdi>{eventZoneLabel(event.timeZone, event.startsOn, event.endsOn, locale)}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('organiser.overview.languages')}</dt>
          <dd>
            <InlineList
              items={event.languages.map((code) => ({
                key: code,
                text: workingLanguageName(code, locale),
              }))}
            />
          </dd>
        </div>
        <div>
          <dt>{t('organiser.overview.sessions')}</dt>
          <dd>{formatNumber(sessions.length, locale)}</dd>
        </div>
        <div>
          <dt>{t('organiser.overview.coCreationSessions')}</dt>
          <dd>{formatNumber(coCreation, locale)}</dd>
        </div>
      </dl>
    </section>
  );
}
