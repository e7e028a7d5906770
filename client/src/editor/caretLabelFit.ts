import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/**
 * Keeps other people's caret labels inside the editor (issue 9). A label hangs from its caret
 * toward the caret's inline end, so near the editor's edge (or on a phone, anywhere) a long name
 * ran out of the editor and over the page. After each update the labels are measured: one that
 * would cross an edge is slid back inside and never wider than the editor; its text ends in an
 * ellipsis (editor.css), and its title holds the full name (caret.ts).
 */
function fitLabels(view: EditorView): void {
  const frame = view.dom.getBoundingClientRect();
  for (const label of view.dom.querySelectorAll<HTMLElement>('.collaboration-carets__label')) {
    // Measured from where CSS alone puts it.
    label.style.translate = '';
    label.style.maxInlineSize = `min(14rem, ${Math.max(frame.width - 8, 48)}px)`;
    const box = label.getBoundingClientRect();
    const pastRight = box.right - frame.right;
    const pastLeft = frame.left - box.left;
    if (pastRight > 0) label.style.translate = `${-pastRight}px 0`;
    else if (pastLeft > 0) label.style.translate = `${pastLeft}px 0`;
  }
}

export const CaretLabelFit = Extension.create({
  name: 'caretLabelFit',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('caretLabelFit'),
        view(view) {
          const refit = () => fitLabels(view);
          // The editor's width changes with the window (and the phone's orientation).
          const observer = new ResizeObserver(refit);
          observer.observe(view.dom);
          refit();
          return { update: refit, destroy: () => observer.disconnect() };
        },
      }),
    ];
  },
});
