import type { ConferenceSession } from '@draftroom/shared';
import { dayKey } from '../format/dates.ts';

export interface ProgrammeDay {
  /** The calendar day in the viewer's zone, YYYY-MM-DD. */
  key: string;
  sessions: ConferenceSession[];
}

/**
 * Sessions grouped by the day they start on in `timeZone` (the viewer's), days and sessions in
 * time order. A session at 23:30 UTC is on the next day for someone in Nairobi: that is the day
 * they will attend it, so that is where it is listed.
 */
export function groupByLocalDay(
  sessions: readonly ConferenceSession[],
  timeZone: string,
): ProgrammeDay[] {
  const sorted = [...sessions].sort(
    (a, b) =>
      Date.parse(a.startsAt) - Date.parse(b.startsAt) ||
      Date.parse(a.endsAt) - Date.parse(b.endsAt) ||
      a.id.localeCompare(b.id),
  );
  const days: ProgrammeDay[] = [];
  for (const session of sorted) {
    const key = dayKey(session.startsAt, timeZone);
    const last = days[days.length - 1];
    if (last?.key === key) last.sessions.push(session);
    else days.push({ key, sessions: [session] });
  }
  return days;
}
