import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedInvite } from '@draftroom/shared';
import { joinUrl } from '../inviteForm.ts';
import { CopyLinkField } from '../../ui/CopyLinkField.tsx';

/**
 * The link of an invite just made. The server keeps only a hash of its token, so this is the one
 * and only time it can be shown: say so, and make copying it easy. Focus moves here when it
 * appears, so keyboard and screen reader users find it at once.
 */
export function NewInviteLink({
  created,
  onDismiss,
}: {
  created: CreatedInvite;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const warningId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [created]);

  return (
    <section className="card org-new-link" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="card__title">
        {t('organiser.invites.createdHeading')}
      </h2>
      <p className="notice org-notice--warning" id={warningId}>
        {t('organiser.invites.onlyOnce')}
      </p>
      <CopyLinkField
        label={t('organiser.invites.linkLabel', {
          label: created.invite.label || t(`organiser.roles.${created.invite.role}`),
        })}
        url={joinUrl(window.location.origin, created.joinPath)}
        describedBy={warningId}
      />
      <button type="button" className="button" onClick={onDismiss}>
        {t('organiser.invites.dismiss')}
      </button>
    </section>
  );
}
