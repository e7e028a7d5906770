import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ConferenceSession, PersonalProgramme, Programme } from '@draftroom/shared';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { useResource } from '../api/useResource.ts';
import { RequireSignIn } from '../me/RequireSignIn.tsx';
import { formatCalendarDate, formatDayKey, viewerTimeZone } from '../format/dates.ts';
import { loadProgramme } from '../api/loaders.ts';
import { filterFromParams, filterSessions, filterToParams, isForAudiences } from './filters.ts';
import { MyPlanBar, type PlanAnnouncement } from './MyPlanBar.tsx';
import { usePersonalProgramme } from './usePersonalProgramme.ts';
import '../styles/personalProgramme.css';
import { groupByLocalDay } from './programmeDays.ts';
import { ProgrammeFilters } from './ProgrammeFilters.tsx';
import { SessionListItem, type SessionPlan } from './SessionListItem.tsx';
import { TimeZoneNote } from './TimeZoneNote.tsx';

/**
 * `/programme`: every session of the event, by day in the viewer's own time zone, with the
 * person's own part: sessions for their audiences marked, plans to attend, their calendar.
 */
export function ProgrammePage() {
  return <RequireSignIn>{() => <ProgrammeLoader />}</RequireSignIn>;
}

function ProgrammeLoader() {
  const { t } = useTranslation();
  const { state, reload } = useResource(loadProgramme);
  useDocumentTitle(t('programme.title'));
  return (
    <div className="page page--wide programme">
      <h1>{t('programme.title')}</h1>
      {state.status === 'loading' && (
        <p className="muted" role="status">
          {t('programme.loading')}
        </p>
      )}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ready' && <ProgrammeView programme={state.data} />}
    </div>
  );
}

function ProgrammeView({ programme }: { programme: Programme }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const personal = usePersonalProgramme();
  const [status, setStatus] = useState<PlanAnnouncement | null>(null);
  const mine = personal.state.status === 'ready' ? personal.state.data : null;
  const audiences = mine?.audiences ?? [];
  const filter = filterFromParams(params);
  const timeZone = viewerTimeZone();
  const shown = filterSessions(programme.sessions, filter, audiences);
  const days = groupByLocalDay(shown, timeZone);
  const ids = useId();
  const { event } = programme;
  const dates =
    event.startsOn === event.endsOn
      ? formatCalendarDate(event.startsOn, i18n.language)
      : t('programme.dates', {
          start: formatCalendarDate(event.startsOn, i18n.language),
          end: formatCalendarDate(event.endsOn, i18n.language),
        });

  const planOf = (session: ConferenceSession, own: PersonalProgramme): SessionPlan => {
    const planned = own.plannedSessionIds.includes(session.id);
    return {
      forYou: isForAudiences(session, own.audiences),
      planned,
      busy: personal.pending.has(session.id),
      attending: own.attendanceCounts?.[session.id] ?? null,
      onToggle: () => {
        personal.setPlanned(session.id, !planned).then(
          () =>
            setStatus({ key: planned ? 'unplanned' : 'planned', values: { title: session.title } }),
          () => setStatus({ key: 'planFailed', values: { title: session.title } }),
        );
      },
    };
  };

  return (
    <>
      <p className="programme__event">
        <bdi className="programme__event-name">{event.name}</bdi>
        <span className="programme__event-dates">{dates}</span>
      </p>
      <TimeZoneNote viewerZone={timeZone} eventZone={event.timeZone} />
      {mine && (
        <MyPlanBar
          plannedCount={mine.plannedSessionIds.length}
          status={status}
          announce={setStatus}
        />
      )}
      {personal.state.status === 'error' && (
        <p className="notice" role="status">
          {t('personalProgramme.countsFailed')}
        </p>
      )}
      <ProgrammeFilters
        audiences={audiences}
        filter={filter}
        // `replace`: changing a filter is not a new page to go "back" through.
        onChange={(next) => setParams(filterToParams(next), { replace: true })}
        shown={shown.length}
        total={programme.sessions.length}
      />
      {days.map((day) => (
        <section key={day.key} className="programme-day" aria-labelledby={`${ids}-${day.key}`}>
          <h2 id={`${ids}-${day.key}`} className="programme-day__heading">
            {formatDayKey(day.key, i18n.language)}
          </h2>
          <ul className="session-list">
            {day.sessions.map((session) => (
              <SessionListItem
                key={session.id}
                session={session}
                viewerZone={timeZone}
                eventZone={event.timeZone}
                plan={mine ? planOf(session, mine) : undefined}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
