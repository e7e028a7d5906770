import { useTranslation } from 'react-i18next';
import { formatDateTime, viewerTimeZone } from '../format/dates.ts';

/**
 * The registration deadline on the event's clock, and on the reader's when theirs differs: focal
 * points write from every continent, and "10 June, 18:00" must not leave them guessing whose
 * evening that is.
 */
export function DeadlineNote({
  deadline,
  timeZone,
}: {
  deadline: string | null;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  if (deadline === null) {
    return <p data-testid="registration-deadline">{t('registration.deadline.none')}</p>;
  }
  const readerZone = viewerTimeZone();
  return (
    <p data-testid="registration-deadline">
      {t('registration.deadline.eventTime', {
        date: formatDateTime(deadline, i18n.language, timeZone),
        zone: timeZone,
      })}
      {readerZone !== timeZone && (
        <>
          {' '}
          {t('registration.deadline.readerTime', {
            date: formatDateTime(deadline, i18n.language, readerZone),
            zone: readerZone,
          })}
        </>
      )}
    </p>
  );
}
