import { useEffect, useRef } from 'react';
import type { Editor } from '@tiptap/react';
import type { Node } from '@tiptap/pm/model';

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

/** How long the block found stays highlighted. */
const highlightMs = 2_500;

/**
 * Opens the guide at a block once its content is there (`ready`: the connection has synced):
 * scrolls the block into view, highlights it briefly and puts the caret at its start, with the
 * focus in the text, so a screen reader reads the line that was found. Once per block asked.
 */
export function useOpenAtBlock(editor: Editor | null, block: number | null, ready: boolean): void {
  // Once per editor and block: a reconnect (synced again) must not pull the caret back.
  const opened = useRef<{ editor: Editor; block: number } | null>(null);
  useEffect(() => {
    if (!editor || editor.isDestroyed || block === null || !ready) return;
    if (opened.current?.editor === editor && opened.current.block === block) return;
    opened.current = { editor, block };
    const pos = textblockPosition(editor.state.doc, block) ?? lastTextblock(editor.state.doc);
    if (pos === null) return;
    const dom = editor.view.nodeDOM(pos);
    editor
      .chain()
      .setTextSelection(pos + 1)
      .focus(undefined, { scrollIntoView: false })
      .run();
    if (!(dom instanceof HTMLElement)) return;
    dom.scrollIntoView({ block: 'center' });
    dom.classList.add('guide-editor__found');
    const timer = setTimeout(() => dom.classList.remove('guide-editor__found'), highlightMs);
    return () => clearTimeout(timer);
  }, [editor, block, ready]);
}

function lastTextblock(doc: Node): number | null {
  let last: number | null = null;
  doc.descendants((node, pos) => {
    if (node.isTextblock) last = pos;
    return !node.isTextblock;
  });
  return last;
}
