import { guideFragmentName } from '@draftroom/shared';
import * as Y from 'yjs';

/**
 * Where a comment thread sits in a guide, read the way every replica reads it: two Yjs relative
 * positions resolved against the guide's body (the `default` XmlFragment). The guide's text is
 * laid out as one string, blocks separated by a line break, so a range across blocks has a
 * quote and an order; a relative position resolves to an offset in it, or to nothing when it
 * does not point into the body (another root type, a deleted paragraph, an item that is not
 * there, bytes that are not a relative position).
 */

/** The body's text in document order, and where each Yjs type of it starts. */
interface BodyLayout {
  text: string;
  /** For an XmlText: where its text starts. */
  textStarts: Map<Y.XmlText, number>;
  /** For an element (or the fragment): where each child starts, and where the element ends. */
  childStarts: Map<Y.XmlElement | Y.XmlFragment, number[]>;
}

function layOut(fragment: Y.XmlFragment): BodyLayout {
  const layout: BodyLayout = { text: '', textStarts: new Map(), childStarts: new Map() };
  const walk = (parent: Y.XmlElement | Y.XmlFragment) => {
    const starts: number[] = [];
    for (const child of parent.toArray()) {
      starts.push(layout.text.length);
      if (child instanceof Y.XmlText) {
        layout.textStarts.set(child, layout.text.length);
        for (const op of child.toDelta() as { insert: unknown }[]) {
          // Yjs counts an embed as one; a space keeps offsets and quote in step with it.
          layout.text += typeof op.insert === 'string' ? op.insert : ' ';
        }
      } else if (child instanceof Y.XmlElement) {
        walk(child);
        // Blocks (and hard breaks) end with a line break, so words of two blocks never join.
        if (layout.text !== '' && !layout.text.endsWith('\n')) layout.text += '\n';
      }
    }
    starts.push(layout.text.length);
    layout.childStarts.set(parent, starts);
  };
  walk(fragment);
  return layout;
}

/** Base64 text → a relative position, or null unless the bytes are exactly one. */
export function decodeAnchorPosition(encoded: string): Y.RelativePosition | null {
  try {
    const bytes = new Uint8Array(Buffer.from(encoded, 'base64'));
    const position = Y.decodeRelativePosition(bytes);
    // Re-encoding must give the same bytes: trailing junk or a non-canonical form is refused.
    if (Buffer.from(Y.encodeRelativePosition(position)).toString('base64') !== encoded) return null;
    return position;
  } catch {
    return null;
  }
}

function offsetIn(layout: BodyLayout, doc: Y.Doc, position: Y.RelativePosition): number | null {
  let absolute: Y.AbsolutePosition | null;
  try {
    absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  } catch {
    return null;
  }
  if (!absolute) return null;
  const { type, index } = absolute;
  if (type instanceof Y.XmlText) {
    const start = layout.textStarts.get(type);
    return start === undefined ? null : start + index;
  }
  if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) {
    return layout.childStarts.get(type)?.[index] ?? null;
  }
  return null;
}

/** An anchor resolved against the guide now: its offsets and text, or why it has none. */
export type ResolvedAnchor =
  | { kind: 'range'; start: number; end: number; quote: string }
  /** Both ends are in the body but meet: the text between them was deleted (or never chosen). */
  | { kind: 'collapsed' }
  /** The end comes before the start: never a thread's anchor (concurrent edits keep the order). */
  | { kind: 'reversed' }
  /** An end does not point into the body at all (never did, or its paragraph is gone). */
  | { kind: 'outside' };

/** A guide's body, read once, against which any number of anchors resolve. */
export function guideBody(state: Uint8Array) {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, state);
  const fragment = doc.getXmlFragment(guideFragmentName);
  const layout = layOut(fragment);
  return {
    resolve(start: Y.RelativePosition, end: Y.RelativePosition): ResolvedAnchor {
      const from = offsetIn(layout, doc, start);
      const to = offsetIn(layout, doc, end);
      if (from === null || to === null) return { kind: 'outside' };
      if (from > to) return { kind: 'reversed' };
      if (from === to) return { kind: 'collapsed' };
      return { kind: 'range', start: from, end: to, quote: layout.text.slice(from, to) };
    },
    destroy: () => doc.destroy(),
  };
}
