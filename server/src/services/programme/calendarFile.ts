/**
 * An iCalendar file (RFC 5545) of the sessions someone plans to attend.
 *
 * Written here rather than with the `ics` package (3.12): that one folds lines every 75
 * characters, not 75 octets, so a title in Arabic gives lines of ~150 octets (5545 §3.1), it
 * writes X-WR-CALNAME without escaping its commas and semicolons, and it has no X-WR-TIMEZONE.
 * What we need is small: a few properties, TEXT escaping, octet folding, CRLF.
 *
 * Times are written in UTC (`…Z`), so every calendar shows them in its reader's own zone; the
 * event's zone goes in X-WR-TIMEZONE for the calendars that name the calendar's home zone.
 */

export interface CalendarEntry {
  /** Stable per session, so importing the file again updates the entries instead of adding. */
  uid: string;
  title: string;
  description: string;
  /** ISO 8601 instants. */
  startsAt: string;
  endsAt: string;
  /** The session's page (absolute). */
  url: string;
}

export interface Calendar {
  name: string;
  /** The event's IANA zone. */
  timeZone: string;
  entries: readonly CalendarEntry[];
  /** When the file is made (DTSTAMP). */
  now: Date;
}

const crlf = '\r\n';
const maxOctets = 75;

/**
 * TEXT values (5545 §3.3.11): backslash, semicolon and comma escaped, every line break as `\n`.
 * Control characters other than tab are not allowed in TEXT at all, so they are dropped.
 */
export function escapeText(text: string): string {
  return (
    text
      .replace(/\r\n|\r|\n|\u2028|\u2029/g, '\n')
      // eslint-disable-next-line no-control-regex -- dropping exactly the controls TEXT forbids
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/[\\;,\n]/g, (character) => (character === '\n' ? '\\n' : `\\${character}`))
  );
}

/**
 * Folds a content line into lines of at most 75 octets (5545 §3.1): each continuation starts
 * with a space, which counts toward its 75. A character is never cut between its octets, nor a
 * surrogate pair between its halves (the loop walks code points).
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    if (octets + size > maxOctets) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join(crlf);
}

/** `20210616T130000Z`: a DATE-TIME in UTC (5545 §3.3.5, form #2). */
export function utcDateTime(instant: string | Date): string {
  const iso = new Date(instant).toISOString(); // 2021-06-16T13:00:00.000Z
  return `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** The whole file, CRLF line ends, ready to be sent as `text/calendar; charset=utf-8`. */
export function calendarFile(calendar: Calendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Draftroom//Personal programme//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-TIMEZONE:${escapeText(calendar.timeZone)}`,
  ];
  const stamp = utcDateTime(calendar.now);
  for (const entry of calendar.entries) {
    const description = [entry.description.trim(), entry.url].filter(Boolean).join('\n\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(entry.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utcDateTime(entry.startsAt)}`,
      `DTEND:${utcDateTime(entry.endsAt)}`,
      `SUMMARY:${escapeText(entry.title)}`,
      `DESCRIPTION:${escapeText(description)}`,
      // A URI value, not TEXT: written as it is (it was built with encodeURIComponent).
      `URL:${entry.url}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(crlf) + crlf;
}
