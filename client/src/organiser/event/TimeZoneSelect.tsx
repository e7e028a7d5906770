import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../formProblems.ts';
import { zoneLabel } from '../formatting.ts';
import { timeZoneChoices } from '../timeZones.ts';
import { SelectField } from '../ui/SelectField.tsx';
import { useNow } from '../ui/useNow.ts';

interface TimeZoneSelectProps {
  /** Differs from the saved zone: say what that does to the programme. */
  changed: boolean;
  value: string;
  onChange: (zone: string) => void;
  problem?: Problem;
  serverMessage?: string;
}

/** Every zone by its IANA name and today's offset ("Europe/Rome (GMT+2)"), to type-ahead in. */
export function TimeZoneSelect({
  changed,
  value,
  onChange,
  problem,
  serverMessage,
}: TimeZoneSelectProps) {
  const { t } = useTranslation();
  const now = useNow(60 * 60_000);
  const options = useMemo(() => {
    // Offsets in Latin digits whatever the language: the names are Latin, and mixing scripts
    // inside one option makes them hard to scan.
    return timeZoneChoices(value).map((zone) => ({
      value: zone,
      label: zoneLabel(zone, 'en', now),
    }));
  }, [value, now]);
  return (
    <SelectField
      label={t('organiser.event.timeZone')}
      hint={
        changed
          ? `${t('organiser.event.timeZoneHint')} ${t('organiser.event.timeZoneChanged')}`
          : t('organiser.event.timeZoneHint')
      }
      value={value}
      options={options}
      onChange={onChange}
      problem={problem}
      serverMessage={serverMessage}
    />
  );
}
