import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '@draftroom/shared';
import { revokeSignIns } from '../api.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';

/** Ends every sign-in of one person (a lost laptop, someone who should not be there). */
export function RevokeSignInsButton({
  person,
  onRevoked,
}: {
  person: Person;
  onRevoked: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--small org-button--danger-quiet"
        onClick={() => setOpen(true)}
      >
        {t('organiser.people.revoke')}
        <span className="visually-hidden"> {person.displayName}</span>
      </button>
      <ConfirmDialog
        open={open}
        title={t('organiser.people.revokeTitle', { name: person.displayName })}
        confirmLabel={t('organiser.people.revokeConfirm')}
        onClose={() => setOpen(false)}
        onConfirm={() => revokeSignIns(person.id)}
        onDone={() => onRevoked(t('organiser.people.revoked', { name: person.displayName }))}
      >
        <p>{t('organiser.people.revokeText')}</p>
      </ConfirmDialog>
    </>
  );
}
