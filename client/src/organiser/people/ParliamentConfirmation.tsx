import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '@draftroom/shared';
import { callApi } from '../../api/callApi.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';

/**
 * Whether the organisers vouch for a person's parliament, and the button that does. A parliament
 * typed by the person in joining or in their profile is only declared: the good-practice library
 * gives a parliament's rights (its practices in any status, editing them) to confirmed people
 * only. Observers speak for no parliament and organisers curate every practice anyway, so
 * nothing is shown for them.
 */
export function ParliamentConfirmation({
  person,
  onChanged,
}: {
  person: Person;
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (person.role === 'observer' || person.role === 'organiser') return null;
  if (person.parliamentConfirmed) {
    return <span className="org-data-table__sub">{t('organiser.people.parliamentConfirmed')}</span>;
  }
  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await callApi('updatePerson', {
        params: { personId: person.id },
        body: { parliamentConfirmed: true },
      });
      onChanged(t('organiser.people.parliamentConfirmedFor', { name: saved.displayName }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <span className="org-data-table__sub">{t('organiser.people.parliamentDeclared')}</span>
      <button
        type="button"
        className="button button--small"
        aria-label={t('organiser.people.confirmParliamentOf', { name: person.displayName })}
        aria-disabled={busy}
        onClick={() => void confirm()}
      >
        {t('organiser.people.confirmParliament')}
      </button>
      {error !== null && <ErrorNotice error={error} />}
    </>
  );
}
