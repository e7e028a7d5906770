import { Extension } from '@tiptap/core';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { PracticeCitation } from '@draftroom/shared/editor';
import { CitationCard } from './CitationCard.tsx';

/**
 * The shared `practiceCitation` node with the client's card as its node view: the same schema
 * (name, attribute, HTML), so the server's gate and every other reader agree on the document.
 * Given to `guideExtensions({ practiceCitation })` by the editor and the read-only views.
 */
export const PracticeCitationCard = PracticeCitation.extend({
  addNodeView() {
    return ReactNodeViewRenderer(CitationCard);
  },
});

/**
 * Ctrl+Alt+P (Cmd+Option+P) in the guide opens the "Cite a practice" dialog, for writers only:
 * in a read-only editor the key does nothing.
 */
export const CiteShortcut = Extension.create<{ open: () => void }>({
  name: 'citeShortcut',
  addOptions() {
    return { open: () => undefined };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-Alt-p': () => {
        if (!this.editor.isEditable) return false;
        this.options.open();
        return true;
      },
    };
  },
});
