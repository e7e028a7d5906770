import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Person, type Role } from '@draftroom/shared';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { callApi } from '../../api/callApi.ts';

/**
 * A person's role: a select and a "Change" button, so arrowing through the options with the
 * keyboard changes nothing until the organiser means it.
 */
export function RoleEditor({
  person,
  onChanged,
}: {
  person: Person;
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const selectId = useId();
  const [role, setRole] = useState<Role>(person.role);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const unchanged = role === person.role;

  const save = async () => {
    if (busy || unchanged) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await callApi('updatePerson', {
        params: { personId: person.id },
        body: { role },
      });
      onChanged(
        t('organiser.people.roleChanged', {
          name: saved.displayName,
          role: t(`organiser.roles.${saved.role}`),
        }),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="org-row-actions">
      <label htmlFor={selectId} className="visually-hidden">
        {t('organiser.people.roleOf', { name: person.displayName })}
      </label>
      <select id={selectId} value={role} onChange={(event) => setRole(event.target.value as Role)}>
        {roles.map((option) => (
          <option key={option} value={option}>
            {t(`organiser.roles.${option}`)}
          </option>
        ))}
      </select>
      {!unchanged && (
        <button
          type="button"
          className="button button--small"
          aria-disabled={busy}
          onClick={() => void save()}
        >
          {busy ? t('organiser.common.saving') : t('organiser.people.changeRole')}
          <span className="visually-hidden"> {person.displayName}</span>
        </button>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}
