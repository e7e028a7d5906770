import { useTranslation } from 'react-i18next';
import type { CreatedInvite } from '@draftroom/shared';
import { joinUrl } from '../inviteForm.ts';
import { ShownOnceLink } from '../../ui/ShownOnceLink.tsx';

/** The link of an invite just made, shown this once (the server keeps only its hash). */
export function NewInviteLink({
  created,
  onDismiss,
}: {
  created: CreatedInvite;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ShownOnceLink
      heading={t('organiser.invites.createdHeading')}
      warning={t('organiser.invites.onlyOnce')}
      label={t('organiser.invites.linkLabel', {
        label: created.invite.label || t(`organiser.roles.${created.invite.role}`),
      })}
      url={joinUrl(window.location.origin, created.joinPath)}
      shown={created}
      onDismiss={onDismiss}
    />
  );
}
