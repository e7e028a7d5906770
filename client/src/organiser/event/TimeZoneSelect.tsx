import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../ui/form/problems.ts';
import { eventZoneLabel } from '../../format/dates.ts';
import { timeZoneChoices } from '../timeZones.ts';
import { SelectField } from '../../ui/fields/SelectField.tsx';

interface TimeZoneSelectProps {
  /** Differs from the saved zone: say what that does to the programme. */
  changed: boolean;
  value: string;
  /** The event's days as typed in the form (YYYY-MM-DD): the offsets shown are theirs. */
  startsOn: string;
  endsOn: string;
  onChange: (zone: string) => void;
  problem?: Problem;
  serverMessage?: string;
}

/**
 * Every zone by its IANA name and its offset on the event's days ("Europe/Rome (GMT+2)"), to
 * type-ahead in; the same label as the overview shows, whatever the season today.
 */
export function TimeZoneSelect({
  changed,
  value,
  startsOn,
  endsOn,
  onChange,
  problem,
  serverMessage,
}: TimeZoneSelectProps) {
  const { t } = useTranslation();
  const options = useMemo(() => {
    // Offsets in Latin digits whatever the language: the names are Latin, and mixing scripts
    // inside one option makes them hard to scan.
    return timeZoneChoices(value).map((zone) => ({
      value: zone,
      label: eventZoneLabel(zone, startsOn, endsOn || startsOn, 'en'),
    }));
  }, [value, startsOn, endsOn]);
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
