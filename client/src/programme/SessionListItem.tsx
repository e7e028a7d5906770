import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConferenceSession } from '@draftroom/shared';
import { formatTimeRange, sameOffsetAt } from '../format/dates.ts';
import { formatList, languageName } from '../format/text.ts';
import { PlanToggle } from './PlanToggle.tsx';

/** The person's own part of a session's line; absent while their programme is not loaded. */
export interface SessionPlan {
  /** Meant for one of the audiences the person follows. */
  forYou: boolean;
  planned: boolean;
  busy: boolean;
  onToggle: () => void;
  /** How many plan to attend, for those who run the session; null for everyone else. */
  attending: number | null;
}

interface SessionListItemProps {
  session: ConferenceSession;
  viewerZone: string;
  eventZone: string;
  plan?: SessionPlan;
}

/**
 * One session in the programme: time (yours, and the event's when it differs), title, tags, and
 * the person's own part: "For your audiences", "Plan to attend", and how many plan to attend.
 */
export function SessionListItem({ session, viewerZone, eventZone, plan }: SessionListItemProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const yours = formatTimeRange(session.startsAt, session.endsAt, locale, viewerZone);
  const showEventTime = !sameOffsetAt(session.startsAt, viewerZone, eventZone);
  const languages = formatList(
    session.languages.map((code) => languageName(code, locale)),
    locale,
  );

  return (
    <li
      className={plan?.forYou ? 'session-item session-item--for-you' : 'session-item'}
      data-testid="programme-session"
    >
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
        {plan?.forYou && (
          <p className="for-you">
            <span className="for-you__icon" aria-hidden="true">
              ★
            </span>
            {t('personalProgramme.forYou')}
          </p>
        )}
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
        {plan && (
          <div className="session-item__plan">
            <PlanToggle
              planned={plan.planned}
              busy={plan.busy}
              title={session.title}
              onToggle={plan.onToggle}
            />
            {plan.attending !== null && (
              <span className="attending" data-testid="attending">
                {t('personalProgramme.attending', { count: plan.attending })}
              </span>
            )}
          </div>
        )}
      </div>
    </li>
  );
}
