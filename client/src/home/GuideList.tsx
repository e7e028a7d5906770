import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConferenceSession, Guide } from '@draftroom/shared';
import { formatSessionTime, viewerTimeZone } from '../format/dates.ts';
import { sortGuides } from './sortGuides.ts';

interface GuideListProps {
  guides: readonly Guide[];
  sessions: ReadonlyMap<string, ConferenceSession>;
}

/** The person's guides in session order, each a link named by its title, with its session. */
export function GuideList({ guides, sessions }: GuideListProps) {
  const { t, i18n } = useTranslation();
  if (guides.length === 0) {
    return (
      <div className="empty-state">
        <p>{t('home.empty')}</p>
      </div>
    );
  }
  const timeZone = viewerTimeZone();
  return (
    <ul className="guide-list" data-testid="guide-list">
      {sortGuides(guides, sessions).map((guide) => {
        const session = guide.sessionId ? sessions.get(guide.sessionId) : undefined;
        return (
          <li key={guide.id} className="guide-list__item">
            <div className="guide-list__main">
              <Link
                to={`/g/${encodeURIComponent(guide.id)}`}
                className="guide-list__link"
                dir="auto"
              >
                {guide.title}
              </Link>
              {session && (
                <span className="guide-list__meta">
                  <bdi>{session.title}</bdi>
                  {' · '}
                  {formatSessionTime(session.startsAt, session.endsAt, i18n.language, timeZone)}
                </span>
              )}
            </div>
            <span className={`permission permission--${guide.permission}`}>
              {t(`permission.${guide.permission}`)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
