import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedDelegation } from '@draftroom/shared';
import { callApi } from '../../api/callApi.ts';
import { StartDelegationForm } from '../StartDelegationForm.tsx';

/**
 * "Invite a parliament": its focal point's private link is made at once and shown once (the page
 * shows it above, with a copy button).
 */
export function InviteParliamentCard({
  onInvited,
}: {
  onInvited: (created: CreatedDelegation) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  // A fresh form after each invitation.
  const [formKey, setFormKey] = useState(0);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('registration.invite.heading')}
      </h2>
      <p className="field__hint">{t('registration.invite.hint')}</p>
      <StartDelegationForm
        key={formKey}
        send={(body) => callApi('inviteDelegation', { body })}
        onSaved={(created) => {
          setFormKey((n) => n + 1);
          onInvited(created);
        }}
        filledBy="organiser"
        submitLabel={t('registration.invite.submit')}
        busyLabel={t('organiser.common.working')}
      />
    </section>
  );
}
