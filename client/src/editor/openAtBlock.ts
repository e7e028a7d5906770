import { useEffect, useRef } from 'react';
import { Extension, type Editor } from '@tiptap/react';
import type { Node } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/**
 * Where the `block`-th text block starts (paragraphs, headings, and the paragraphs inside list
 * items and table cells, in document order): the same count the server's search index uses
 * (`services/search/guideBlocks.ts`), so a search hit opens the guide at its block. Null when the
 * guide has fewer blocks (it changed since it was indexed).
 */
export function textblockPosition(doc: Node, block: number): number | null {
  let index = 0;
  let found: number | null = null;
  doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (!node.isTextblock) return true;
    if (index === block) found = pos;
    index++;
    return false;
  });
  return found;
}

function lastTextblock(doc: Node): { pos: number; index: number } | null {
  let last: { pos: number; index: number } | null = null;
  let index = 0;
  doc.descendants((node, pos) => {
    if (node.isTextblock) last = { pos, index: index++ };
    return !node.isTextblock;
  });
  return last;
}

const foundKey = new PluginKey<number | null>('foundBlock');

/**
 * The block a search hit opened the guide at, highlighted as a decoration. The plugin keeps the
 * block's index, not a position: y-prosemirror replaces the whole document on each remote change,
 * which would map a position-based decoration away.
 */
export const FoundBlock = Extension.create({
  name: 'foundBlock',
  addProseMirrorPlugins() {
    return [
      new Plugin<number | null>({
        key: foundKey,
        state: {
          init: () => null,
          apply(tr, block) {
            const meta = tr.getMeta(foundKey) as number | 'clear' | undefined;
            if (meta === 'clear') return null;
            return meta ?? block;
          },
        },
        props: {
          decorations(state) {
            const block = foundKey.getState(state);
            if (block === null || block === undefined) return DecorationSet.empty;
            const pos = textblockPosition(state.doc, block);
            const node = pos === null ? null : state.doc.nodeAt(pos);
            if (pos === null || !node) return DecorationSet.empty;
            return DecorationSet.create(state.doc, [
              Decoration.node(pos, pos + node.nodeSize, { class: 'guide-editor__found' }),
            ]);
          },
        },
      }),
    ];
  },
});

/** How long the block found stays highlighted. */
const highlightMs = 3_000;
/** How long to wait for the block to arrive before opening at the last one there is. */
const waitForBlockMs = 2_000;

/**
 * Opens the guide at a block once its content is there (`ready`: the connection has synced):
 * scrolls the block into view, highlights it briefly and puts the caret at its start, with the
 * focus in the text, so a screen reader reads the line that was found. Once per block asked.
 * Needs `FoundBlock` among the editor's extensions.
 */
export function useOpenAtBlock(editor: Editor | null, block: number | null, ready: boolean): void {
  // Once per editor and block: a reconnect (synced again) must not pull the caret back.
  const opened = useRef<{ editor: Editor; block: number } | null>(null);
  // Not the effect's cleanup: a later run (a reconnect) must not cancel the end of the highlight.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (!editor || editor.isDestroyed || block === null || !ready) return;
    if (opened.current?.editor === editor && opened.current.block === block) return;
    const open = (pos: number, index: number) => {
      opened.current = { editor, block };
      editor
        .chain()
        .setTextSelection(pos + 1)
        .setMeta(foundKey, index)
        .focus(undefined, { scrollIntoView: false })
        .run();
      const dom = editor.view.nodeDOM(pos);
      if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(foundKey, 'clear'));
      }, highlightMs);
    };
    // The synced text reaches the editor a moment after the connection says so: wait for the
    // block to appear, and if it does not (the guide has fewer blocks now), take the last one.
    const attempt = () => {
      if (opened.current?.editor === editor && opened.current.block === block) return;
      // Before the text arrives the editor holds one empty paragraph: not the block searched.
      if (editor.state.doc.textContent === '') return;
      const pos = textblockPosition(editor.state.doc, block);
      if (pos !== null) open(pos, block);
    };
    attempt();
    editor.on('transaction', attempt);
    const fallback = setTimeout(() => {
      editor.off('transaction', attempt);
      if (opened.current?.editor === editor && opened.current.block === block) return;
      if (editor.isDestroyed) return;
      const last = lastTextblock(editor.state.doc);
      if (last !== null) open(last.pos, last.index);
    }, waitForBlockMs);
    return () => {
      clearTimeout(fallback);
      editor.off('transaction', attempt);
    };
  }, [editor, block, ready]);
}
