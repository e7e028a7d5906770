import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConferenceSession } from '@draftroom/shared';
import { formatTimeRange, sameOffsetAt } from '../format/dates.ts';
import { formatList, languageName } from '../format/text.ts';

interface SessionListItemProps {
  session: ConferenceSession;
  viewerZone: string;
  eventZone: string;
}

/** One session in the programme: time (yours, and the event's when it differs), title, tags. */
export function SessionListItem({ session, viewerZone, eventZone }: SessionListItemProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const yours = formatTimeRange(session.startsAt, session.endsAt, locale, viewerZone);
  const showEventTime = !sameOffsetAt(session.startsAt, viewerZone, eventZone);
  const languages = formatList(
    session.languages.map((code) => languageName(code, locale)),
    locale,
  );

  return (
    <li className="session-item" data-testid="programme-session">
      <p className="session-item__time">
        <span className="session-item__yours">{yours}</span>
        {showEventTime && (
          <span className="session-item__event-time">
            {t('programme.eventTime', {
              time: formatTimeRange(session.startsAt, session.endsAt, locale, eventZone),
              zone: eventZone,
            })}
          </span>
        )}
      </p>
      <div className="session-item__body">
        <h3 className="session-item__title">
          <Link to={`/sessions/${encodeURIComponent(session.id)}`} dir="auto">
            {session.title}
          </Link>
        </h3>
        <p className="session-item__meta">
          <span className={`kind kind--${session.kind}`}>{t(`sessionKinds.${session.kind}`)}</span>
          <span>{t('programme.languages', { languages })}</span>
        </p>
        {session.audience.length > 0 && (
          <ul className="tags" aria-label={t('programme.audienceLabel')}>
            {session.audience.map((tag) => (
              <li key={tag} className="tag">
                {t(`audience.${tag}`)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
