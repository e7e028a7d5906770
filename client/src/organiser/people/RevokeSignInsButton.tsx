import { useTranslation } from 'react-i18next';
import type { Person } from '@draftroom/shared';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { callApi } from '../../api/callApi.ts';

interface RevokeSignInsButtonProps {
  person: Person;
  onRevoked: (message: string) => void;
}

/** Ends every sign-in of one person (a lost laptop, someone who should not be there). */
export function RevokeSignInsButton({ person, onRevoked }: RevokeSignInsButtonProps) {
  const { t } = useTranslation();
  return (
    <ConfirmButton
      label={
        <>
          {t('organiser.people.revoke')}
          <span className="visually-hidden"> {person.displayName}</span>
        </>
      }
      title={t('organiser.people.revokeTitle', { name: person.displayName })}
      confirmLabel={t('organiser.people.revokeConfirm')}
      onConfirm={() => callApi('revokePerson', { params: { personId: person.id } })}
      onDone={() => onRevoked(t('organiser.people.revoked', { name: person.displayName }))}
    >
      <p>{t('organiser.people.revokeText')}</p>
    </ConfirmButton>
  );
}
