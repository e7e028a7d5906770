import type { Node } from '@tiptap/pm/model';
import * as Y from 'yjs';

/**
 * Where one UTF-16 unit of a Yjs text item is in the ProseMirror document (the gap before it),
 * or null when it is deleted or the two trees do not line up.
 *
 * The binding keeps Yjs and ProseMirror as twin trees: each element of the fragment is one node,
 * and a textblock's children are its text (one Y.XmlText per run between inline nodes) and its
 * inline leaves. So the unit's place is found by walking up Yjs to count siblings, then down
 * ProseMirror by the same counts, without the binding's own type-to-node map (which can be
 * missing entries between its updates).
 */
export function unitPosition(
  fragment: Y.XmlFragment,
  pmDoc: Node,
  doc: Y.Doc,
  clock: number,
): number | null {
  const item = Y.getItem(doc.store, Y.createID(doc.clientID, clock));
  if (!(item instanceof Y.Item) || item.deleted) return null;
  const text = item.parent;
  if (!(text instanceof Y.XmlText) || !text._item) return null;

  let offsetInText = clock - item.id.clock;
  for (let left = item.left; left; left = left.left) {
    if (!left.deleted && left.countable) offsetInText += left.length;
  }

  // Within the textblock: what comes before this text (other text runs, inline leaves).
  const block = text._item.parent;
  if (!(block instanceof Y.XmlElement) || !block._item) return null;
  let offsetInBlock = offsetInText;
  for (let sibling = block._start; sibling && sibling !== text._item; sibling = sibling.right) {
    if (sibling.deleted || !sibling.countable) continue;
    const child = (sibling.content as Y.ContentType).type;
    offsetInBlock += child instanceof Y.XmlText ? child.length : 1;
  }

  // From the textblock up to the fragment: the index of each element among its siblings.
  const path: number[] = [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types differ only in their events
  let type: Y.AbstractType<any> = block;
  while (type !== fragment) {
    const own = type._item;
    if (!own || own.deleted) return null;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
    const parent = own.parent as Y.AbstractType<any>;
    let index = 0;
    for (let sibling = parent._start; sibling && sibling !== own; sibling = sibling.right) {
      if (!sibling.deleted && sibling.countable) index++;
    }
    path.unshift(index);
    type = parent;
  }

  // Down ProseMirror by the same indices.
  let node = pmDoc;
  let pos = 0;
  for (const index of path) {
    if (index >= node.childCount) return null;
    for (let before = 0; before < index; before++) pos += node.child(before).nodeSize;
    node = node.child(index);
    pos += 1;
  }
  if (!node.isTextblock || offsetInBlock > node.content.size) return null;
  return pos + offsetInBlock;
}
