import { useTranslation } from 'react-i18next';
import type { Invite } from '@draftroom/shared';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { callApi } from '../../api/callApi.ts';

interface RevokeInviteButtonProps {
  invite: Invite;
  onRevoked: (message: string) => void;
}

/** Revoking stops the link at once; people who already joined with it keep their access. */
export function RevokeInviteButton({ invite, onRevoked }: RevokeInviteButtonProps) {
  const { t } = useTranslation();
  const name = invite.label || invite.scopeName;
  return (
    <ConfirmButton
      label={
        <>
          {t('organiser.invites.revoke')}
          <span className="visually-hidden"> {name}</span>
        </>
      }
      title={t('organiser.invites.revokeTitle')}
      confirmLabel={t('organiser.invites.revokeConfirm')}
      onConfirm={() => callApi('revokeInvite', { params: { inviteId: invite.id } })}
      onDone={() => onRevoked(t('organiser.invites.revoked', { name }))}
    >
      <p>
        <strong>
          <bdi>{name}</bdi>
        </strong>
      </p>
      <p>{t('organiser.invites.revokeText')}</p>
    </ConfirmButton>
  );
}
