import * as Y from 'yjs';
import { guideFragmentName } from '@draftroom/shared';

/** The text of every heading of a guide, in order (what a reader scans to see its sections). */
export function headingsOf(doc: Y.Doc): string[] {
  const headings: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === 'heading') {
        headings.push(
          child
            .toArray()
            .map((text) =>
              text instanceof Y.XmlText ? text.toString().replace(/<[^>]+>/g, '') : '',
            )
            .join(''),
        );
      } else walk(child);
    }
  };
  walk(doc.getXmlFragment(guideFragmentName));
  return headings;
}

/** The headings of a guide's stored state (a Yjs update). */
export function headingsOfState(state: Uint8Array): string[] {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return headingsOf(doc);
  } finally {
    doc.destroy();
  }
}
