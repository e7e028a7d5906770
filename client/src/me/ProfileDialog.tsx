import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudienceTag, Me } from '@draftroom/shared';
import { updateMe } from '../api/me.ts';
import { loadPersonalProgramme } from '../api/loaders.ts';
import { setMyAudiences } from '../api/personalProgramme.ts';
import { useResource } from '../api/useResource.ts';
import { AudiencesField } from './AudiencesField.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import { useMe } from './MeContext.tsx';
import type { ProfileValues } from './profileForm.ts';

interface ProfileDialogProps {
  open: boolean;
  onClose: () => void;
  /** Called after a successful save, to confirm it outside the closed dialog. */
  onSaved: () => void;
}

/**
 * "Your profile": name, parliament, country, language and email, saved with `PATCH /api/me`, and
 * the audiences the person follows (`PUT /api/me/audiences`).
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
      {open && me && <EditProfileForm me={me} onCancel={onClose} onSaved={onSaved} />}
    </dialog>
  );
}

function valuesOf(me: Me): ProfileValues {
  const { displayName, parliament, country, preferredLanguage, email } = me.person;
  return { displayName, parliament, country, preferredLanguage, email: email ?? '' };
}

/** Waits for the person's audiences; if they cannot be read, the rest can still be edited. */
function EditProfileForm(props: { me: Me; onCancel: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { state } = useResource(loadPersonalProgramme);
  if (state.status === 'loading') {
    return (
      <p className="muted" role="status">
        {t('personalProgramme.profile.loading')}
      </p>
    );
  }
  return (
    <ProfileWithAudiences
      {...props}
      audiences={state.status === 'ready' ? state.data.audiences : null}
    />
  );
}

function ProfileWithAudiences({
  me,
  audiences,
  onCancel,
  onSaved,
}: {
  me: Me;
  /** null: they could not be loaded, so the field is left out rather than saved blank. */
  audiences: AudienceTag[] | null;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { setMe } = useMe();
  const [chosen, setChosen] = useState(audiences);
  return (
    <ProfileForm
      className="profile-form"
      initial={() => valuesOf(me)}
      send={async (profile) => {
        const next = await updateMe(profile);
        if (chosen && audiences && chosen.join() !== audiences.join()) {
          await setMyAudiences(chosen);
        }
        setMe(next);
        onSaved();
      }}
      submitLabel={t('profile.save')}
      busyLabel={t('profile.saving')}
      cancel={{ label: t('profile.cancel'), onClick: onCancel }}
    >
      {me.person.parliamentConfirmed && (
        <p className="muted" data-testid="parliament-confirmed-note">
          {t('profile.confirmedNote')}
        </p>
      )}
      {chosen && <AudiencesField chosen={chosen} onChange={setChosen} />}
    </ProfileForm>
  );
}
