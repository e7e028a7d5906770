import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/core';
import { PracticeCombobox } from './PracticeCombobox.tsx';

/**
 * "Cite a good practice": a native modal dialog (focus trapped, Escape closes) around the
 * practice search. Choosing one inserts its citation as a block at the caret (the editor kept its
 * selection while the dialog was open) and gives focus back to the text.
 */
export function CiteDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  // Back to the text, where the caret was: the page behind the modal is inert until it closes.
  const close = (practiceId?: string) => {
    dialogRef.current?.close();
    onClose();
    const chain = editor.chain().focus();
    if (practiceId) chain.insertPracticeCitation(practiceId);
    chain.run();
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog cite-dialog"
      aria-labelledby={headingId}
      data-testid="cite-dialog"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <h2 id={headingId}>{t('citations.dialog.title')}</h2>
      <PracticeCombobox
        label={t('citations.dialog.search')}
        autoFocus
        onChoose={(practice) => close(practice.id)}
      />
      <p className="form-actions">
        <button type="button" className="button" onClick={() => close()}>
          {t('citations.dialog.close')}
        </button>
      </p>
    </dialog>
  );
}
