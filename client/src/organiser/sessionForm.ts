import {
  audienceTags,
  builtInTemplateId,
  type AudienceTag,
  type ConferenceEvent,
  type ConferenceSession,
  type LanguageCode,
  type SessionInput,
  type SessionKind,
} from '@draftroom/shared';
import type { Mapped, Problems } from '../ui/form/problems.ts';
import { checkText, checkZonedTime } from './formProblems.ts';
import { orderLanguages } from './languages.ts';
import { instantToZoned } from './zonedTime.ts';

export interface SessionFormValues {
  title: string;
  description: string;
  kind: SessionKind;
  audience: AudienceTag[];
  /** Wall-clock times in the event's zone, as the datetime-local inputs hold them. */
  startsAt: string;
  endsAt: string;
  languages: LanguageCode[];
  selfSelect: boolean;
  /** What each group's guide starts from: a template id, or '' for a blank guide. */
  templateId: string;
}

export type SessionField = keyof SessionFormValues;

/** A new session: the first day of the event at 09:00–10:30 in its zone, in all its languages. */
export function newSessionValues(event: ConferenceEvent): SessionFormValues {
  return {
    title: '',
    description: '',
    kind: 'co-creation',
    audience: [],
    startsAt: `${event.startsOn}T09:00`,
    endsAt: `${event.startsOn}T10:30`,
    languages: [...event.languages],
    selfSelect: false,
    // A co-creation session's groups write a practical guide: start them from the built-in one.
    templateId: builtInTemplateId,
  };
}

export function sessionFormValues(session: ConferenceSession, timeZone: string): SessionFormValues {
  return {
    title: session.title,
    description: session.description,
    kind: session.kind,
    audience: [...session.audience],
    startsAt: instantToZoned(session.startsAt, timeZone),
    endsAt: instantToZoned(session.endsAt, timeZone),
    languages: [...session.languages],
    selfSelect: session.selfSelect,
    templateId: session.templateId ?? '',
  };
}

/**
 * The session form → the body of POST/PUT /api/sessions. Times are read in the event's zone and
 * sent as UTC instants; "participants choose their group" only exists for co-creation sessions,
 * so it is sent as false for the other kinds even if it was ticked before the kind changed.
 */
export function toSessionInput(
  values: SessionFormValues,
  timeZone: string,
): Mapped<SessionInput, SessionField> {
  const problems: Problems<SessionField> = {};
  const title = checkText(values.title, 200);
  if (title) problems.title = title;
  const description = checkText(values.description, 4000, { optional: true, multiline: true });
  if (description) problems.description = description;
  const startsAt = checkZonedTime(values.startsAt, timeZone);
  if (!startsAt.ok) problems.startsAt = startsAt.problem;
  const endsAt = checkZonedTime(values.endsAt, timeZone);
  if (!endsAt.ok) problems.endsAt = endsAt.problem;
  else if (startsAt.ok && Date.parse(endsAt.instant) <= Date.parse(startsAt.instant)) {
    problems.endsAt = { key: 'endBeforeStart' };
  }
  if (values.languages.length === 0) problems.languages = { key: 'noLanguage' };
  if (!startsAt.ok || !endsAt.ok || Object.keys(problems).length > 0) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    request: {
      title: values.title.trim(),
      description: values.description.trim(),
      kind: values.kind,
      audience: audienceTags.filter((tag) => values.audience.includes(tag)),
      startsAt: startsAt.instant,
      endsAt: endsAt.instant,
      languages: orderLanguages(values.languages),
      selfSelect: values.kind === 'co-creation' && values.selfSelect,
      // Only co-creation sessions have groups, and so guides to start.
      templateId:
        values.kind === 'co-creation' && values.templateId !== '' ? values.templateId : null,
    },
  };
}

/** True when the session starts or ends outside the event's days (allowed, but worth a warning). */
export function outsideEventDays(
  request: Pick<SessionInput, 'startsAt' | 'endsAt'>,
  event: ConferenceEvent,
): boolean {
  const firstDay = instantToZoned(request.startsAt, event.timeZone).slice(0, 10);
  const lastDay = instantToZoned(request.endsAt, event.timeZone).slice(0, 10);
  return firstDay < event.startsOn || lastDay > event.endsOn;
}
