import { useTranslation } from 'react-i18next';
import type { ConferenceEvent } from '@draftroom/shared';
import type { Problem } from '../../ui/form/problems.ts';
import { eventZoneLabel, zoneLabel } from '../../format/dates.ts';
import { TextField } from '../../ui/fields/TextField.tsx';
import { zonedToInstant } from '../zonedTime.ts';

interface InviteExpiryProps {
  event: ConferenceEvent;
  value: string;
  onChange: (value: string) => void;
  problem?: Problem;
  serverMessage?: string;
}

/** When the link stops working, typed on the event's clock (named, with its offset that day). */
export function InviteExpiry({
  event,
  value,
  onChange,
  problem,
  serverMessage,
}: InviteExpiryProps) {
  const { t, i18n } = useTranslation();
  const at = zonedToInstant(value, event.timeZone);
  // The offset on the day typed; until a day is typed, the offset on the event's days.
  const zone = at.ok
    ? zoneLabel(event.timeZone, i18n.language, Date.parse(at.instant))
    : eventZoneLabel(event.timeZone, event.startsOn, event.endsOn, i18n.language);
  return (
    <TextField
      type="datetime-local"
      label={t('organiser.inviteForm.expiresAt')}
      hint={t('organiser.inviteForm.expiresAtHint', { zone })}
      value={value}
      onChange={onChange}
      problem={problem}
      serverMessage={serverMessage}
      required
    />
  );
}
