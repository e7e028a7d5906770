import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delegate } from '@draftroom/shared';
import { callApi } from '../../api/callApi.ts';
import { formatDateTime } from '../../format/dates.ts';
import { PersonLinkButton } from '../../organiser/people/PersonLinkButton.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { mailState } from './registrationView.ts';

interface DelegateMailCellProps {
  delegate: Delegate;
  mailConfigured: boolean;
  timeZone: string;
  onResent: (delegate: Delegate) => void;
}

/**
 * An approved delegate's sign-in email: where it is (queued, sent, retrying with the server's
 * refusal, failed), "Send again", and, without mail configured (or when sending failed), the
 * personal link to copy and send some other way.
 */
export function DelegateMailCell({
  delegate,
  mailConfigured,
  timeZone,
  onResent,
}: DelegateMailCellProps) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const state = mailState(delegate, mailConfigured);
  if (state.kind === 'none') return <span className="muted">—</span>;
  const date = (instant: string) => formatDateTime(instant, i18n.language, timeZone);

  const resend = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onResent(await callApi('resendDelegateEmail', { params: { delegateId: delegate.id } }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const canCopy =
    delegate.personId !== null && (state.kind === 'notConfigured' || state.kind === 'failed');
  const canResend = mailConfigured && state.kind !== 'queued';

  return (
    <div className="registration-mail" data-testid="delegate-mail">
      <p className={`org-tag registration-mail__tag registration-mail__tag--${state.kind}`}>
        {t(`registration.mail.${state.kind}`)}
      </p>
      {state.kind === 'sent' && state.at && (
        <span className="org-data-table__sub">
          {t('registration.mail.sentAt', { date: date(state.at) })}
        </span>
      )}
      {(state.kind === 'retrying' || state.kind === 'failed') && (
        <span className="org-data-table__sub">
          {t('registration.mail.attempts', { count: state.attempts })}
          {state.kind === 'retrying' && state.nextAttemptAt && (
            <> {t('registration.mail.nextAttempt', { date: date(state.nextAttemptAt) })}</>
          )}
        </span>
      )}
      {(state.kind === 'retrying' || state.kind === 'failed') && state.error && (
        <span className="org-data-table__sub">
          {t('registration.mail.serverSaid')}{' '}
          <span lang="en" dir="ltr">
            {state.error}
          </span>
        </span>
      )}
      <div className="org-row-actions">
        {canResend && (
          <button
            type="button"
            className="button button--small"
            aria-disabled={busy}
            onClick={() => void resend()}
          >
            {busy ? t('organiser.common.working') : t('registration.mail.resend')}
            <span className="visually-hidden"> {delegate.name}</span>
          </button>
        )}
        {canCopy && delegate.personId && (
          <PersonLinkButton
            person={{ id: delegate.personId, displayName: delegate.name }}
            label={t('registration.mail.copyLink')}
          />
        )}
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}
