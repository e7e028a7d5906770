import * as Y from 'yjs';
import { guideFragmentName } from '@draftroom/shared';

/**
 * How many words a guide holds, read from its encoded state: the text of every block of the
 * guide's fragment, in words as Intl.Segmenter finds them (word-like segments), so Arabic and
 * Latin text count alike and punctuation not at all.
 */
export function wordsIn(state: Uint8Array): number {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const texts: string[] = [];
    collect(doc.getXmlFragment(guideFragmentName), texts);
    return wordsInTexts(texts);
  } finally {
    doc.destroy();
  }
}

/** Words in these texts, as `wordsIn` counts them (word-like segments). */
export function wordsInTexts(texts: readonly string[]): number {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
  let words = 0;
  for (const text of texts) {
    for (const segment of segmenter.segment(text)) if (segment.isWordLike) words++;
  }
  return words;
}

/** The plain text under a node, block by block (for the dashboard's sections too). */
export function collect(node: Y.XmlFragment | Y.XmlElement, into: string[]): void {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      // The text itself, without its marks (toString() would wrap formatted runs in tags).
      const delta = child.toDelta() as Array<{ insert: unknown }>;
      into.push(delta.map((op) => (typeof op.insert === 'string' ? op.insert : ' ')).join(''));
    } else if (child instanceof Y.XmlElement) collect(child, into);
  }
}
