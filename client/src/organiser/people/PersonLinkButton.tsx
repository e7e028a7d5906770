import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedInvite, Person } from '@draftroom/shared';
import { formatInstant } from '../formatting.ts';
import { joinUrl } from '../inviteForm.ts';
import { useOrganiser } from '../OrganiserContext.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { CopyLinkField } from '../../ui/CopyLinkField.tsx';
import { callApi } from '../../api/callApi.ts';

/**
 * "Sign-in link": a new personal, single-use link for someone (imported people, or someone who
 * lost theirs), shown once in a dialog. Each click makes a new link; earlier ones keep working
 * until used, expired or revoked on the invites page.
 */
export function PersonLinkButton({
  person,
  label,
}: {
  person: Pick<Person, 'id' | 'displayName'>;
  /** The button's words, where "Sign-in link" alone would not say enough (registrations). */
  label?: string;
}) {
  const { t, i18n } = useTranslation();
  const { programme } = useOrganiser();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const warningId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<CreatedInvite | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && created && !dialog.open) dialog.showModal();
  }, [created]);

  const make = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setCreated(await callApi('personLink', { params: { personId: person.id } }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button button--small"
        aria-disabled={busy}
        onClick={() => void make()}
      >
        {busy ? t('organiser.common.working') : (label ?? t('organiser.people.makeLink'))}
        <span className="visually-hidden"> {person.displayName}</span>
      </button>
      {error !== null && <ErrorNotice error={error} />}
      <dialog
        ref={dialogRef}
        className="dialog"
        aria-labelledby={headingId}
        onClose={() => setCreated(null)}
      >
        <h2 id={headingId}>{t('organiser.people.linkTitle', { name: person.displayName })}</h2>
        <p className="notice org-notice--warning" id={warningId}>
          {created &&
            t('organiser.people.linkOnce', {
              expires: formatInstant(
                created.invite.expiresAt,
                i18n.language,
                programme.event.timeZone,
              ),
            })}
        </p>
        {created && (
          <CopyLinkField
            label={t('organiser.import.linkFor', { name: person.displayName })}
            url={joinUrl(window.location.origin, created.joinPath)}
            describedBy={warningId}
          />
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
            {t('organiser.invites.dismiss')}
          </button>
        </div>
      </dialog>
    </>
  );
}
