import { useTranslation } from 'react-i18next';

/**
 * Says which clock the times are on. People join from every continent: "14:00" must not leave
 * anyone guessing whether it is their time or the conference's.
 */
export function TimeZoneNote({ viewerZone, eventZone }: { viewerZone: string; eventZone: string }) {
  const { t } = useTranslation();
  return (
    <p className="time-zone-note" data-testid="time-zone-note">
      {viewerZone === eventZone
        ? t('programme.timeZoneSame', { zone: viewerZone })
        : t('programme.timeZone', { zone: viewerZone, eventZone })}
    </p>
  );
}
