import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delegation } from '@draftroom/shared';
import { callApi } from '../../api/callApi.ts';
import { formatDateTime } from '../../format/dates.ts';
import { TextField } from '../../ui/fields/TextField.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import type { Problem } from '../../ui/form/problems.ts';
import { toReopenUntil } from './settingsForm.ts';

interface ReopenDelegationProps {
  delegation: Delegation;
  timeZone: string;
  onChanged: (delegation: Delegation, message: string) => void;
}

/**
 * "Reopen until": one parliament's link takes changes again until a date, past the event's
 * deadline (a late delegation), or stops doing so.
 */
export function ReopenDelegation({ delegation, timeZone, onChanged }: ReopenDelegationProps) {
  const { t, i18n } = useTranslation();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const send = async (reopenedUntil: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const updated = await callApi('updateDelegation', {
        params: { delegationId: delegation.id },
        body: { reopenedUntil },
      });
      setValue('');
      onChanged(
        updated,
        reopenedUntil
          ? t('registration.reopen.done', {
              parliament: delegation.parliament,
              date: formatDateTime(reopenedUntil, i18n.language, timeZone),
            })
          : t('registration.reopen.stopped', { parliament: delegation.parliament }),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = toReopenUntil(value, timeZone, Date.now());
    if (!checked.ok) {
      setProblem(checked.problem);
      return;
    }
    setProblem(undefined);
    void send(checked.instant);
  };

  return (
    <form className="org-form org-form--inline registration-reopen" onSubmit={submit} noValidate>
      {delegation.reopenedUntil && (
        <p className="registration-reopen__current">
          {t('registration.reopen.current', {
            date: formatDateTime(delegation.reopenedUntil, i18n.language, timeZone),
          })}{' '}
          <button
            type="button"
            className="button button--small"
            aria-disabled={busy}
            onClick={() => {
              if (!busy) void send(null);
            }}
          >
            {t('registration.reopen.stop')}
          </button>
        </p>
      )}
      <TextField
        type="datetime-local"
        label={t('registration.reopen.label', { zone: timeZone })}
        value={value}
        onChange={(next) => {
          setValue(next);
          setProblem(undefined);
        }}
        problem={problem}
      />
      <button type="submit" className="button button--small" aria-disabled={busy}>
        {t('registration.reopen.submit')}
        <span className="visually-hidden">
          {' '}
          <bdi>{delegation.parliament}</bdi>
        </span>
      </button>
      {error !== null && <ErrorNotice error={error} />}
    </form>
  );
}
