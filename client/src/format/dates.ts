/**
 * Dates and times as people read them: in the viewer's own time zone and the page's language,
 * through `Intl`, never hand-built strings.
 */

/** The time zone this browser is set to (an IANA name such as "Europe/Paris"). */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The calendar day, as YYYY-MM-DD, on which an instant falls in `timeZone`. */
export function dayKey(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A day key as a heading: "Wednesday 16 June 2021", in the page's language. */
export function formatDayKey(key: string, locale: string): string {
  // Noon UTC of that date, formatted in UTC: the same calendar day whatever the viewer's zone.
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${key}T12:00:00Z`),
  );
}

/** A calendar date (YYYY-MM-DD, no time) such as the event's first day. */
export function formatCalendarDate(date: string, locale: string): string {
  return formatDayKey(date, locale);
}

/** "13:00–14:30" (or "1:00 – 2:30 PM"), as the language writes a span of time. */
export function formatTimeRange(
  startIso: string,
  endIso: string,
  locale: string,
  timeZone: string,
): string {
  const format = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
  return format.formatRange(new Date(startIso), new Date(endIso));
}

/** A date with its time, such as an invite's expiry. */
export function formatDateTime(iso: string, locale: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(date);
}

/** "Wed 16 June, 13:00–14:30": a session's time where no day heading gives the date. */
export function formatSessionTime(
  startIso: string,
  endIso: string,
  locale: string,
  timeZone: string,
): string {
  const format = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  });
  return format.formatRange(new Date(startIso), new Date(endIso));
}

/** Whether two zones show the same wall-clock time at this instant (UTC and Europe/London in winter). */
export function sameOffsetAt(iso: string, zoneA: string, zoneB: string): boolean {
  const wallClock = (timeZone: string) =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    }).format(new Date(iso));
  return wallClock(zoneA) === wallClock(zoneB);
}

/** "GMT+2": the zone's offset at an instant (it changes with the season), or undefined. */
function offsetAt(timeZone: string, locale: string, atMs: number): string | undefined {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(new Date(atMs))
      .find((part) => part.type === 'timeZoneName')?.value;
  } catch {
    return undefined; // an unknown zone: its name alone is still worth showing
  }
}

/** "Europe/Rome (GMT+2)": the zone's name and its offset at `atMs` (an invite's expiry…). */
export function zoneLabel(timeZone: string, locale: string, atMs: number): string {
  const offset = offsetAt(timeZone, locale, atMs);
  return offset ? `${timeZone} (${offset})` : timeZone;
}

/**
 * The event's zone as every page names it: the offset on the event's own days, not today's (a
 * June conference in Zurich is GMT+2 even when the organiser sets it up in winter). An event
 * across a clock change shows both: "Europe/Zurich (GMT+2 – GMT+1)". Days are YYYY-MM-DD; noon
 * UTC stands for the day, as clocks change at night.
 */
export function eventZoneLabel(
  timeZone: string,
  startsOn: string,
  endsOn: string,
  locale: string,
): string {
  const at = (day: string) => Date.parse(`${day}T12:00:00Z`);
  const first = Number.isNaN(at(startsOn)) ? Date.now() : at(startsOn);
  const last = Number.isNaN(at(endsOn)) ? first : at(endsOn);
  const from = offsetAt(timeZone, locale, first);
  const to = offsetAt(timeZone, locale, last);
  if (!from) return timeZone;
  return to && to !== from ? `${timeZone} (${from} – ${to})` : `${timeZone} (${from})`;
}
