import type { Node } from '@tiptap/pm/model';
import { nodeOfState } from '../versions/guideContent.ts';

export interface TextBlock {
  /** Its index among the guide's text blocks, in document order. */
  block: number;
  dir: 'ltr' | 'rtl' | null;
  text: string;
}

/**
 * A guide's text blocks (paragraphs, headings, and the paragraphs inside list items and table
 * cells), in document order, as the editor's ProseMirror document holds them: the client counts
 * the same blocks to open the guide at a hit. Empty blocks are counted but not returned.
 */
export function textBlocksOfState(state: Uint8Array): TextBlock[] {
  return textBlocksOf(nodeOfState(state));
}

/** The text blocks of any document of the guide's schema (a practice's sections too). */
export function textBlocksOf(root: Node): TextBlock[] {
  const blocks: TextBlock[] = [];
  let index = 0;
  const visit = (node: Node, inherited: 'ltr' | 'rtl' | null) => {
    const own = directionOf(node) ?? inherited;
    if (node.isTextblock) {
      // Leaf text and hard breaks (as spaces), without marks.
      const text = node.textBetween(0, node.content.size, ' ', ' ').trim();
      if (text !== '') blocks.push({ block: index, dir: own, text });
      index++;
      return;
    }
    node.forEach((child) => visit(child, own));
  };
  visit(root, null);
  return blocks;
}

function directionOf(node: Node): 'ltr' | 'rtl' | null {
  const dir: unknown = node.attrs.dir;
  return dir === 'ltr' || dir === 'rtl' ? dir : null;
}
