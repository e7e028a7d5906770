import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invite } from '@draftroom/shared';
import { revokeInvite } from '../api.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';

/** Revoking stops the link at once; people who already joined with it keep their access. */
export function RevokeInviteButton({
  invite,
  onRevoked,
}: {
  invite: Invite;
  onRevoked: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const name = invite.label || invite.scopeName;
  return (
    <>
      <button
        type="button"
        className="button button--small org-button--danger-quiet"
        onClick={() => setOpen(true)}
      >
        {t('organiser.invites.revoke')}
        <span className="visually-hidden"> {name}</span>
      </button>
      <ConfirmDialog
        open={open}
        title={t('organiser.invites.revokeTitle')}
        confirmLabel={t('organiser.invites.revokeConfirm')}
        onClose={() => setOpen(false)}
        onConfirm={() => revokeInvite(invite.id)}
        onDone={() => onRevoked(t('organiser.invites.revoked', { name }))}
      >
        <p>
          <strong>
            <bdi>{name}</bdi>
          </strong>
        </p>
        <p>{t('organiser.invites.revokeText')}</p>
      </ConfirmDialog>
    </>
  );
}
