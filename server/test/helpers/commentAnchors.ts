import * as Y from 'yjs';
import { guideFragmentName, type CommentAnchor } from '@draftroom/shared';
import type { DraftroomServer } from '../../src/server.ts';

/**
 * Anchors for comment tests, made the way the editor makes them: Yjs relative positions into the
 * guide's text as the server holds it, encoded and sent as base64.
 */

const base64 = (position: Y.RelativePosition) =>
  Buffer.from(Y.encodeRelativePosition(position)).toString('base64');

/** Adds a paragraph with `text` at the end of the guide, through the document host. */
export async function addParagraph(
  server: DraftroomServer,
  guideId: string,
  text: string,
): Promise<void> {
  await server.collab.documents.withDocument(guideId, (doc) => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    const fragment = doc.getXmlFragment(guideFragmentName);
    fragment.insert(fragment.length, [paragraph]);
  });
}

/** Every XmlText of the body, in document order. */
function textsOf(doc: Y.Doc): Y.XmlText[] {
  const texts: Y.XmlText[] = [];
  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) texts.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(doc.getXmlFragment(guideFragmentName));
  return texts;
}

/** A text block's characters without its marks (Yjs offsets count these). */
const plain = (text: Y.XmlText) =>
  (text.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : ' '))
    .join('');

/** The anchor of the first `phrase` in one text block of the guide (as the server holds it). */
export async function anchorOf(
  server: DraftroomServer,
  guideId: string,
  phrase: string,
): Promise<CommentAnchor> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await server.collab.documents.readState(guideId));
  try {
    for (const text of textsOf(doc)) {
      const index = plain(text).indexOf(phrase);
      if (index < 0) continue;
      return {
        start: base64(Y.createRelativePositionFromTypeIndex(text, index)),
        // Tied to the last character of the phrase, so typing just after it stays outside.
        end: base64(Y.createRelativePositionFromTypeIndex(text, index + phrase.length, -1)),
      };
    }
  } finally {
    doc.destroy();
  }
  throw new Error(`"${phrase}" is not in the guide`);
}

/** Changes the guide's text through the document host: `change` gets the block holding `phrase`. */
export async function editBlockWith(
  server: DraftroomServer,
  guideId: string,
  phrase: string,
  change: (text: Y.XmlText, index: number) => void,
): Promise<void> {
  await server.collab.documents.withDocument(guideId, (doc) => {
    const text = textsOf(doc).find((candidate) => plain(candidate).includes(phrase));
    if (!text) throw new Error(`"${phrase}" is not in the guide`);
    change(text, plain(text).indexOf(phrase));
  });
}
