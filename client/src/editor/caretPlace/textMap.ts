import type { Node } from '@tiptap/pm/model';

/**
 * A document seen as one string: the text of each textblock in order, with one separator
 * between blocks. Wrapping a block in a list or quote leaves it unchanged; a split or a join
 * adds or removes one separator; so a caret keeps its place in this string when the structure
 * around it changes, which is what a person expects of their caret.
 */
export interface TextMap {
  text: string;
  /** Per textblock, in document order: where its content starts in the doc and in `text`. */
  blocks: { contentStart: number; textStart: number; length: number }[];
}

// Private-use characters: they never come from a person, so they never match typed text.
const separator = '\uE000';
const inlineLeaf = '\uE001';

export function textMapOf(doc: Node): TextMap {
  const parts: string[] = [];
  const blocks: TextMap['blocks'] = [];
  let textLength = 0;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (blocks.length > 0) {
      parts.push(separator);
      textLength += 1;
    }
    let content = '';
    // Every inline node is one position wide except text, which is one per character.
    node.forEach((child) => {
      content += child.isText ? (child.text ?? '') : inlineLeaf;
    });
    blocks.push({ contentStart: pos + 1, textStart: textLength, length: content.length });
    parts.push(content);
    textLength += content.length;
    return false;
  });
  return { text: parts.join(''), blocks };
}

/** The index in `text` of a document position inside a textblock, or null elsewhere. */
export function textIndexOf(map: TextMap, pos: number): number | null {
  const block = blockAt(map, pos);
  return block === null ? null : block.textStart + (pos - block.contentStart);
}

/** The document position of an index in `text` (a gap between characters). */
export function positionOf(map: TextMap, index: number): number | null {
  // Each gap belongs to exactly one block: the separator sits between two blocks' gaps.
  for (const block of map.blocks) {
    if (index >= block.textStart && index <= block.textStart + block.length) {
      return block.contentStart + (index - block.textStart);
    }
  }
  return null;
}

function blockAt(map: TextMap, pos: number): TextMap['blocks'][number] | null {
  for (const block of map.blocks) {
    if (pos >= block.contentStart && pos <= block.contentStart + block.length) return block;
  }
  return null;
}
