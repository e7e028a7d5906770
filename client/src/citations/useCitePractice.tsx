import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyExtension, Editor } from '@tiptap/core';
import type { ToolbarExtraButton } from '../editor/Toolbar.tsx';
import { CiteDialog } from './CiteDialog.tsx';
import { CiteShortcut } from './citationExtension.ts';

/**
 * Citing a practice in the guide editor: the toolbar's "Cite a practice" button, its shortcut
 * (an extension of the editor, active only while it is editable) and the dialog both open.
 * The editor offers the button to writers only (its toolbar is shown in write mode).
 */
export function useCitePractice(): {
  extensions: readonly AnyExtension[];
  button: ToolbarExtraButton;
  dialog: (editor: Editor | null) => ReactNode;
} {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Made once: the editor reads its extensions when it is created.
  const [extensions] = useState(() => [CiteShortcut.configure({ open: () => setOpen(true) })]);
  return {
    extensions,
    button: {
      id: 'citePractice',
      icon: 'cite',
      label: t('citations.cite.button'),
      title: t('citations.cite.title'),
      // A key name from the UI Events spec (`aria-keyshortcuts`), never translated.
      keys: 'Control+Alt+P',
      onClick: () => setOpen(true),
      buttonRef,
      opensDialog: true,
    },
    dialog: (editor) =>
      open && editor ? <CiteDialog editor={editor} onClose={() => setOpen(false)} /> : null,
  };
}
