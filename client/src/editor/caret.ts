import { Extension } from '@tiptap/core';
import { DOMParser } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/**
 * Draws another person's caret with their name on it (CollaborationCaret's `render`). The name
 * goes in as text, never HTML: it comes from a peer and is untrusted. The extension has already
 * replaced an invalid colour with "transparent".
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const name = typeof user.name === 'string' ? user.name : '';
  const color = typeof user.color === 'string' ? user.color : 'transparent';

  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = color;
  // Hidden from assistive technology: the name would otherwise be read out as part of the text.
  // The "Who is here" list carries the same information accessibly.
  caret.setAttribute('aria-hidden', 'true');
  // Not editable: the browser must never put the typing person's caret inside someone else's
  // label. It did (in Chromium, when both carets met at one place), the typed letters went into
  // the label's text, and the name was read back into the document (issue 9's stress test).
  caret.contentEditable = 'false';

  // The label takes the caret's direction, so it sits (and is squared off) on the caret's
  // start side in Arabic as in English; the name inside is isolated and finds its own direction.
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  // A long name is cut short with an ellipsis; the whole of it shows on hover.
  label.title = name;
  const nameText = document.createElement('bdi');
  nameText.textContent = name;
  label.append(nameText);

  caret.append(label);
  return caret;
}

/**
 * However a caret's markup ends up in the editable (a browser can copy or move nodes when
 * typing next to it), reading the DOM back never turns it into document text: ProseMirror's DOM
 * parser gets one rule ahead of the schema's, ignoring carets and their labels.
 */
export const CaretsNeverParsed = Extension.create({
  name: 'caretsNeverParsed',
  addProseMirrorPlugins() {
    const schemaParser = DOMParser.fromSchema(this.editor.schema);
    const domParser = new DOMParser(this.editor.schema, [
      { tag: '.collaboration-carets__caret', ignore: true },
      { tag: '.collaboration-carets__label', ignore: true },
      ...schemaParser.rules,
    ]);
    return [new Plugin({ key: new PluginKey('caretsNeverParsed'), props: { domParser } })];
  },
});
