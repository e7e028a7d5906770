import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConferenceEvent, ConferenceSession } from '@draftroom/shared';
import { formatDay } from '../formatting.ts';
import { zonedDate } from '../zonedTime.ts';
import { SessionItem } from './SessionItem.tsx';

interface SessionDaysProps {
  event: ConferenceEvent;
  sessions: readonly ConferenceSession[];
  canEdit: boolean;
  onDeleted: (title: string) => void;
}

/** Sessions under a heading per conference day, days taken in the event's zone. */
export function SessionDays({ event, sessions, canEdit, onDeleted }: SessionDaysProps) {
  const { t, i18n } = useTranslation();
  const baseId = useId();
  if (sessions.length === 0) {
    return <p className="empty-state">{t('organiser.sessions.empty')}</p>;
  }
  const sorted = [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const days = new Map<string, ConferenceSession[]>();
  for (const session of sorted) {
    const day = zonedDate(session.startsAt, event.timeZone);
    days.set(day, [...(days.get(day) ?? []), session]);
  }
  return (
    <>
      {[...days].map(([day, daySessions]) => (
        <section key={day} aria-labelledby={`${baseId}-${day}`} className="org-session-day">
          <h2 id={`${baseId}-${day}`}>{formatDay(day, i18n.language)}</h2>
          <ul className="org-session-list">
            {daySessions.map((session) => (
              <SessionItem
                key={session.id}
                session={session}
                timeZone={event.timeZone}
                canEdit={canEdit}
                onDeleted={onDeleted}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
