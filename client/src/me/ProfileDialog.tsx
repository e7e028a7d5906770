import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { languageCodes, type Me } from '@draftroom/shared';
import { updateMe } from '../api/me.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { ProfileFields } from './ProfileFields.tsx';
import { useMe } from './MeContext.tsx';
import { useProfileForm } from './useProfileForm.ts';
import type { ProfileValues } from './profileForm.ts';

interface ProfileDialogProps {
  open: boolean;
  onClose: () => void;
  /** Called after a successful save, to confirm it outside the closed dialog. */
  onSaved: () => void;
}

/**
 * "Your profile": name, parliament, country, language and email, saved with `PATCH /api/me`.
 * The native modal `<dialog>` traps focus, closes on Escape and returns focus to its opener.
 */
export function ProfileDialog({ open, onClose, onSaved }: ProfileDialogProps) {
  const { t } = useTranslation();
  const { me } = useMe();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={headingId}
      onClose={onClose}
      onCancel={onClose}
    >
      <h2 id={headingId}>{t('profile.title')}</h2>
      <p>{t('profile.intro')}</p>
      {/* Mounted only while open, so the form starts from the saved profile each time. */}
      {open && me && <ProfileForm me={me} onCancel={onClose} onSaved={onSaved} />}
    </dialog>
  );
}

function valuesOf(me: Me): ProfileValues {
  const { displayName, parliament, country, preferredLanguage, email } = me.person;
  return { displayName, parliament, country, preferredLanguage, email: email ?? '' };
}

function ProfileForm({
  me,
  onCancel,
  onSaved,
}: {
  me: Me;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { setMe } = useMe();
  const idPrefix = useId();
  const form = useProfileForm(valuesOf(me), idPrefix, async (profile) => {
    setMe(await updateMe(profile));
    onSaved();
  });

  return (
    <form className="profile-form" onSubmit={(event) => void form.submit(event)} noValidate>
      <ProfileFields
        idPrefix={idPrefix}
        values={form.values}
        errors={form.errors}
        languages={languageCodes}
        onChange={form.setField}
      />
      {form.apiError !== null && <ErrorNotice error={form.apiError} />}
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={form.busy}>
          {form.busy ? t('profile.saving') : t('profile.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('profile.cancel')}
        </button>
      </div>
    </form>
  );
}
