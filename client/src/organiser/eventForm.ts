import type { ConferenceEvent, LanguageCode, UpdateEventRequest } from '@draftroom/shared';
import type { Mapped, Problems } from '../ui/form/problems.ts';
import { checkOptionalEmail, checkText, isCalendarDate, isKnownTimeZone } from './formProblems.ts';
import { orderLanguages } from './languages.ts';

export interface EventFormValues {
  name: string;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  languages: LanguageCode[];
  /** Where people write when a link fails (empty: none). */
  contactEmail: string;
}

export type EventField = keyof EventFormValues;

export function eventFormValues(event: ConferenceEvent): EventFormValues {
  return {
    name: event.name,
    startsOn: event.startsOn,
    endsOn: event.endsOn,
    timeZone: event.timeZone,
    languages: [...event.languages],
    contactEmail: event.contactEmail ?? '',
  };
}

/** The event settings form → PUT /api/event, with the shared schema's rules in the browser. */
export function toUpdateEventRequest(
  values: EventFormValues,
): Mapped<UpdateEventRequest, EventField> {
  const problems: Problems<EventField> = {};
  const name = checkText(values.name, 200);
  if (name) problems.name = name;
  if (!isCalendarDate(values.startsOn)) problems.startsOn = { key: 'invalidDate' };
  if (!isCalendarDate(values.endsOn)) problems.endsOn = { key: 'invalidDate' };
  else if (!problems.startsOn && values.endsOn < values.startsOn) {
    problems.endsOn = { key: 'lastDayBeforeFirst' };
  }
  if (!isKnownTimeZone(values.timeZone)) problems.timeZone = { key: 'unknownTimeZone' };
  if (values.languages.length === 0) problems.languages = { key: 'noLanguage' };
  const contactEmail = checkOptionalEmail(values.contactEmail);
  if (contactEmail) problems.contactEmail = contactEmail;
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    request: {
      name: values.name.trim(),
      startsOn: values.startsOn,
      endsOn: values.endsOn,
      timeZone: values.timeZone,
      languages: orderLanguages(values.languages),
      contactEmail: values.contactEmail.trim() || null,
    },
  };
}
