import { Extension } from '@tiptap/core';
import type { Node } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { textDirection } from '@draftroom/shared/editor';

/**
 * Gives list items and table cells whose direction is left to their text ("auto" in the shared
 * schema) the direction of that text. The browser cannot: HTML's dir="auto" skips children that
 * have a dir of their own, and every paragraph inside has one, so an item would fall back to
 * the page's direction and an Arabic bullet would sit on the left. The rule is the browser's:
 * the first strong letter decides.
 */
const containers = new Set(['listItem', 'tableCell', 'tableHeader']);

function decorations(doc: Node): DecorationSet {
  const found: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (containers.has(node.type.name) && node.attrs.dir == null) {
      const dir = textDirection(node.textContent);
      if (dir) found.push(Decoration.node(pos, pos + node.nodeSize, { dir }));
    }
    return true;
  });
  return DecorationSet.create(doc, found);
}

export const AutoDirection = Extension.create({
  name: 'autoDirection',
  addProseMirrorPlugins() {
    const key = new PluginKey<DecorationSet>('autoDirection');
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => decorations(state.doc),
          apply: (transaction, previous) =>
            transaction.docChanged ? decorations(transaction.doc) : previous,
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});
