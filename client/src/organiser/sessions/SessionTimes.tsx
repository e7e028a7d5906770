import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problems } from '../../ui/form/problems.ts';
import { eventZoneLabel, zoneLabel } from '../../format/dates.ts';
import type { SessionField } from '../sessionForm.ts';
import { TextField } from '../../ui/fields/TextField.tsx';
import { zonedToInstant } from '../zonedTime.ts';

interface SessionTimesProps {
  timeZone: string;
  /** The event's days (YYYY-MM-DD), for the offset before a start is typed. */
  eventDays: { startsOn: string; endsOn: string };
  startsAt: string;
  endsAt: string;
  onChange: (field: 'startsAt' | 'endsAt', value: string) => void;
  problems: Problems<SessionField>;
  serverMessages: Partial<Record<SessionField, string>>;
  outsideEventDays: boolean;
}

/**
 * Start and end, typed as wall-clock times in the event's zone. The zone and its offset on that
 * day are spelled out, because the browser's own zone (which the input would suggest) is often
 * not the event's.
 */
export function SessionTimes({
  timeZone,
  eventDays,
  startsAt,
  endsAt,
  onChange,
  problems,
  serverMessages,
  outsideEventDays,
}: SessionTimesProps) {
  const { t, i18n } = useTranslation();
  const legendId = useId();
  const start = zonedToInstant(startsAt, timeZone);
  const zone = start.ok
    ? zoneLabel(timeZone, i18n.language, Date.parse(start.instant))
    : eventZoneLabel(timeZone, eventDays.startsOn, eventDays.endsOn, i18n.language);
  return (
    <fieldset className="org-choice-group" aria-describedby={`${legendId}-hint`}>
      <legend>{t('organiser.sessionForm.when')}</legend>
      <p className="field__hint" id={`${legendId}-hint`}>
        {t('organiser.sessionForm.whenHint', { zone })}
      </p>
      <div className="org-form-row">
        <TextField
          type="datetime-local"
          label={t('organiser.sessionForm.startsAt')}
          value={startsAt}
          onChange={(value) => onChange('startsAt', value)}
          problem={problems.startsAt}
          serverMessage={serverMessages.startsAt}
          required
        />
        <TextField
          type="datetime-local"
          label={t('organiser.sessionForm.endsAt')}
          value={endsAt}
          min={startsAt || undefined}
          onChange={(value) => onChange('endsAt', value)}
          problem={problems.endsAt}
          serverMessage={serverMessages.endsAt}
          required
        />
      </div>
      {outsideEventDays && (
        <p className="notice org-notice--warning">{t('organiser.sessionForm.outsideEventDays')}</p>
      )}
    </fieldset>
  );
}
