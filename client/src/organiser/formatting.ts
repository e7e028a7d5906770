/**
 * Dates and times as people read them in the interface's language. Times are always shown in the
 * event's zone (named next to them), never the viewer's: "13:00" must mean the same for everyone.
 */

function safeFormat(format: () => string, fallback: string): string {
  try {
    return format();
  } catch {
    return fallback; // an unknown zone or a malformed date: show what we have
  }
}

/** "16 June 2021, 13:00" in the event's zone. */
export function formatInstant(instant: string, locale: string, timeZone: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return safeFormat(
    () =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
        date,
      ),
    instant,
  );
}

/** "16 June 2021, 13:00–14:30" in the event's zone (the date once when it is the same day). */
export function formatTimeRange(
  start: string,
  end: string,
  locale: string,
  timeZone: string,
): string {
  const from = new Date(start);
  const to = new Date(end);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return `${start} – ${end}`;
  return safeFormat(
    () =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone,
      }).formatRange(from, to),
    `${start} – ${end}`,
  );
}

/** A calendar day (YYYY-MM-DD) as "Wednesday 16 June 2021". */
export function formatDay(day: string, locale: string): string {
  // Noon UTC, read in UTC: the same calendar day whatever zone the viewer's machine is in.
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return safeFormat(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(date),
    day,
  );
}

/** "Kenya" for KE in English, "Kenia" in Spanish; the code itself if the browser cannot name it. */
export function countryName(code: string, locale: string): string {
  return safeFormat(
    () => new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code,
    code,
  );
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** The event's days, "Wednesday 16 – Friday 18 June 2021", the shared parts said once. */
export function formatDayRange(first: string, last: string, locale: string): string {
  const from = new Date(`${first}T12:00:00Z`);
  const to = new Date(`${last}T12:00:00Z`);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return `${first} – ${last}`;
  return safeFormat(
    () =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).formatRange(from, to),
    `${first} – ${last}`,
  );
}
