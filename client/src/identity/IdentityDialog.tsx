import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { IdentityForm } from './IdentityForm.tsx';
import { useIdentity } from './IdentityContext.tsx';

interface IdentityDialogProps {
  open: boolean;
  onClose: () => void;
}

/**
 * "Change name" dialog. The native modal `<dialog>` gives focus trapping, Escape to close and
 * focus return to the opening button without extra code.
 */
export function IdentityDialog({ open, onClose }: IdentityDialogProps) {
  const { t } = useTranslation();
  const { identity, setIdentity } = useIdentity();
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
      <h2 id={headingId}>{t('identity.changeTitle')}</h2>
      <p>{t('identity.changeIntro')}</p>
      {/* Mounted only while open, so the form starts from the current identity each time. */}
      {open && (
        <IdentityForm
          initial={identity}
          submitLabel={t('identity.save')}
          onCancel={onClose}
          onSubmit={(next) => {
            setIdentity(next);
            onClose();
          }}
        />
      )}
    </dialog>
  );
}
