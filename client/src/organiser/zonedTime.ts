/**
 * Conversions between instants (UTC ISO strings, what the API stores) and wall-clock times in the
 * event's time zone (what organisers type: "the session starts at 13:00 in Geneva", whatever zone
 * their own laptop is in). Only Intl is used, so every IANA zone the browser knows works.
 */

/** A wall-clock date and time as `<input type="datetime-local">` gives it: `YYYY-MM-DDTHH:mm`. */
export type LocalDateTime = string;

const localDateTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: creating them is the slow part of this module. */
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      // h23, not hour12: false, which some engines render as "24" at midnight.
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in `timeZone` at `epochMs` (seconds dropped). */
function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? 0,
    month: values.month ?? 0,
    day: values.day ?? 0,
    hour: (values.hour ?? 0) % 24,
    minute: values.minute ?? 0,
  };
}

function wallClockAsUtcMs(clock: WallClock): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);
}

/** How far `timeZone` is ahead of UTC at `epochMs`, in milliseconds (whole minutes). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const wholeMinute = Math.floor(epochMs / 60_000) * 60_000;
  return wallClockAsUtcMs(wallClockAt(wholeMinute, timeZone)) - wholeMinute;
}

function parseLocal(value: LocalDateTime): WallClock | null {
  const match = localDateTimePattern.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const clock = { year, month, day, hour, minute };
  // Date.UTC rolls 2021-02-30 over into March; a real date survives the round trip.
  const roundTrip = new Date(wallClockAsUtcMs(clock));
  if (
    roundTrip.getUTCFullYear() !== year ||
    roundTrip.getUTCMonth() !== month - 1 ||
    roundTrip.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59
  ) {
    return null;
  }
  return clock;
}

export type ZonedToInstantResult =
  | { ok: true; instant: string }
  /** `invalid`: not a date and time; `skipped`: the clocks jump over it (spring forward). */
  | { ok: false; reason: 'invalid' | 'skipped' };

/**
 * The UTC instant at which the wall clock in `timeZone` shows `local`.
 *
 * The zone's offset depends on the instant we are looking for, so guess with the offset at the
 * wall-clock time read as UTC, then correct once with the offset at the guess: two steps settle
 * it for every zone (offset changes are hours apart). A time the clocks skip has no instant and
 * is refused rather than silently moved by an hour; a time that happens twice (autumn) gets the
 * earlier instant, the one before the clocks go back.
 */
export function zonedToInstant(local: LocalDateTime, timeZone: string): ZonedToInstantResult {
  const clock = parseLocal(local);
  if (!clock) return { ok: false, reason: 'invalid' };
  const asUtc = wallClockAsUtcMs(clock);

  const candidates = new Set<number>();
  // The offsets in force a day either side cover both readings of an ambiguous time.
  for (const probe of [asUtc - 86_400_000, asUtc, asUtc + 86_400_000]) {
    const guess = asUtc - zoneOffsetMs(probe, timeZone);
    const settled = asUtc - zoneOffsetMs(guess, timeZone);
    for (const candidate of [guess, settled]) {
      if (wallClockAsUtcMs(wallClockAt(candidate, timeZone)) === asUtc) candidates.add(candidate);
    }
  }
  if (candidates.size === 0) return { ok: false, reason: 'skipped' };
  return { ok: true, instant: new Date(Math.min(...candidates)).toISOString() };
}

/** The wall clock in `timeZone` at `instant`, for a datetime-local input ('' if unreadable). */
export function instantToZoned(instant: string, timeZone: string): LocalDateTime {
  const epochMs = Date.parse(instant);
  if (Number.isNaN(epochMs)) return '';
  const clock = wallClockAt(epochMs, timeZone);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}`;
}

/** The calendar date (YYYY-MM-DD) in `timeZone` at `instant`: which conference day it falls on. */
export function zonedDate(instant: string, timeZone: string): string {
  return instantToZoned(instant, timeZone).slice(0, 10);
}
