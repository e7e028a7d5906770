import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problems } from '../formProblems.ts';
import { zoneLabel } from '../formatting.ts';
import type { SessionField } from '../sessionForm.ts';
import { TextField } from '../ui/TextField.tsx';
import { useNow } from '../ui/useNow.ts';
import { zonedToInstant } from '../zonedTime.ts';

interface SessionTimesProps {
  timeZone: string;
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
  startsAt,
  endsAt,
  onChange,
  problems,
  serverMessages,
  outsideEventDays,
}: SessionTimesProps) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const legendId = useId();
  const start = zonedToInstant(startsAt, timeZone);
  const zone = zoneLabel(timeZone, i18n.language, start.ok ? Date.parse(start.instant) : now);
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
