import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrationClosedReason } from '@draftroom/shared';
import { formatDateTime } from '../format/dates.ts';

interface ClosedNoticeProps {
  reason: RegistrationClosedReason;
  deadline: string | null;
  timeZone: string;
  contactEmail: string | null;
  ref?: Ref<HTMLDivElement>;
}

/**
 * Why a registration link takes no changes now, and whom to write to: the organisers can extend
 * the deadline or reopen one parliament, so the focal point must know where to ask. Focusable, so
 * that after a refused save focus lands here and the message is read out.
 */
export function ClosedNotice({ reason, deadline, timeZone, contactEmail, ref }: ClosedNoticeProps) {
  const { t, i18n } = useTranslation();
  const closedOn =
    reason === 'deadline_passed' && deadline !== null
      ? t('registration.closed.deadlinePassed', {
          date: formatDateTime(deadline, i18n.language, timeZone),
          zone: timeZone,
        })
      : reason === 'deadline_passed'
        ? t('registration.closed.closedNow')
        : t('registration.closed.notOpen');
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="notice registration-closed"
      data-testid="registration-closed"
    >
      <h2 className="registration-closed__title">{t('registration.closed.title')}</h2>
      <p>{closedOn}</p>
      <p>
        {contactEmail ? (
          <>
            {t('registration.closed.writeTo')}{' '}
            <a href={`mailto:${contactEmail}`} dir="ltr">
              {contactEmail}
            </a>
          </>
        ) : (
          t('registration.closed.writeToOrganisers')
        )}
      </p>
    </div>
  );
}
