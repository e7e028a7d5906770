import { useTranslation } from 'react-i18next';
import type { ConferenceEvent } from '@draftroom/shared';
import type { Problem } from '../formProblems.ts';
import { zoneLabel } from '../formatting.ts';
import { TextField } from '../ui/TextField.tsx';
import { useNow } from '../ui/useNow.ts';
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
  const now = useNow();
  const at = zonedToInstant(value, event.timeZone);
  const zone = zoneLabel(event.timeZone, i18n.language, at.ok ? Date.parse(at.instant) : now);
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
