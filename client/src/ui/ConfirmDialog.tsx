import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from './ErrorNotice.tsx';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Runs the action; the dialog closes when it succeeds and shows the error when it fails. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /**
   * After a success, once the dialog is closed: the page behind it is no longer inert, so this
   * may move focus there (the row that held the button may be gone).
   */
  onDone?: () => void;
}

/**
 * "Are you sure?" for actions that cannot be undone. The native modal dialog traps focus, closes
 * with Escape and gives focus back to the button that opened it. Focus starts on Cancel, so an
 * Enter pressed out of habit does not delete anything.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  onDone,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const bodyId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const close = () => {
    if (busy) return;
    setError(null);
    onClose();
  };

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setBusy(false);
      dialogRef.current?.close();
      onClose();
      onDone?.();
    } catch (caught) {
      setBusy(false);
      setError(caught);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={headingId}
      aria-describedby={bodyId}
      onClose={close}
      onCancel={(event) => {
        // Escape while the request runs would hide its outcome; wait for it.
        if (busy) event.preventDefault();
      }}
    >
      <h2 id={headingId}>{title}</h2>
      <div id={bodyId}>{children}</div>
      {error !== null && <ErrorNotice error={error} />}
      <div className="form-actions">
        <button
          type="button"
          className="button org-button--danger"
          aria-disabled={busy}
          onClick={() => void confirm()}
        >
          {busy ? t('organiser.common.working') : confirmLabel}
        </button>
        <button ref={cancelRef} type="button" className="button" onClick={close}>
          {t('organiser.common.cancel')}
        </button>
      </div>
    </dialog>
  );
}
