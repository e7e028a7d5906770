import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarFile, escapeText, foldLine } from './calendarFile.ts';

// Read back with ical.js (an independent RFC 5545 parser), not by matching our own strings.
// X-WR-CALNAME and X-WR-TIMEZONE are not in RFC 5545, so ical.js keeps their raw value unless
// told they are TEXT, as the calendars that read them (Apple, Google, Outlook) take them.
for (const name of ['x-wr-calname', 'x-wr-timezone']) {
  ICAL.design.defaultSet.property[name] = { defaultType: 'text' };
}
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)),
  };
}

const hostileTitle = 'Parliaments, people; and\nthe web \\ البرلمانات والمواطنون، معاً';
const longArabic = 'الحوار بين البرلمانات والمواطنين عبر المنصات الرقمية '.repeat(4).trim();

const file = calendarFile({
  name: 'World e-Parliament Conference, 2021; online',
  timeZone: 'Europe/Zurich',
  now: new Date('2021-06-01T08:00:00Z'),
  entries: [
    {
      uid: 's_debate@draftroom',
      title: hostileTitle,
      description: 'Line one,\r\nline two; with a tab\there and a bell \u0007.',
      startsAt: '2021-06-16T13:00:00.000Z',
      endsAt: '2021-06-16T14:30:00.000Z',
      url: 'https://draftroom.example.org/sessions/s_debate',
    },
    {
      uid: 's_arabic@draftroom',
      title: longArabic,
      description: '',
      startsAt: '2021-06-17T09:00:00.000Z',
      endsAt: '2021-06-17T10:00:00.000Z',
      url: 'https://draftroom.example.org/sessions/s_arabic',
    },
  ],
});

describe('the calendar file', () => {
  it('parses with an independent reader, with every text as it was written', () => {
    const { calendar, events } = parse(file);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(
      'World e-Parliament Conference, 2021; online',
    );
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Zurich');
    expect(events.map((event) => event.uid)).toEqual(['s_debate@draftroom', 's_arabic@draftroom']);
    expect(events[0]!.summary).toBe(hostileTitle);
    expect(events[1]!.summary).toBe(longArabic);
    // Line breaks arrive as \n; the bell (not allowed in TEXT) is gone, the tab is kept.
    expect(events[0]!.description).toBe(
      'Line one,\nline two; with a tab\there and a bell .\n\nhttps://draftroom.example.org/sessions/s_debate',
    );
    expect(events[1]!.description).toBe('https://draftroom.example.org/sessions/s_arabic');
    expect(events[0]!.component.getFirstPropertyValue('url')).toBe(
      'https://draftroom.example.org/sessions/s_debate',
    );
  });

  it('gives the times in UTC', () => {
    const [first] = parse(file).events;
    expect(first!.startDate.zone?.tzid).toBe('UTC');
    expect(first!.startDate.toJSDate().toISOString()).toBe('2021-06-16T13:00:00.000Z');
    expect(first!.endDate.toJSDate().toISOString()).toBe('2021-06-16T14:30:00.000Z');
    expect(file).toContain('\r\nDTSTART:20210616T130000Z\r\n');
  });

  it('ends every line with CRLF and keeps each within 75 octets', () => {
    expect(file.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(file.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = file.split('\r\n').slice(0, -1);
    const longest = Math.max(...lines.map((line) => Buffer.byteLength(line, 'utf8')));
    expect(longest).toBeLessThanOrEqual(75);
    // The long Arabic title really was folded (not merely short).
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(3);
  });

  it('folds between characters, never inside one', () => {
    const line = `SUMMARY:${'😀é'.repeat(40)}`;
    const folded = foldLine(line).split('\r\n');
    for (const part of folded) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      expect(part).not.toMatch(/[\uD800-\uDBFF]$/); // no half of a surrogate pair at an end
    }
    expect(folded.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
  });

  it('escapes TEXT as RFC 5545 says', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf\rg')).toBe('a\\,b\\;c\\\\d\\ne\\nf\\ng');
  });

  it('is an empty calendar, still valid, when nothing is planned', () => {
    const empty = calendarFile({ name: 'Nothing', timeZone: 'UTC', now: new Date(), entries: [] });
    expect(parse(empty).events).toEqual([]);
  });
});
