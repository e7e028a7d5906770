import * as Y from 'yjs';
import { guideFragmentName } from '@draftroom/shared';

/**
 * Where test peers, benchmarks and fuzzers write text: one paragraph of the guide, as Tiptap
 * would store it (root XmlFragment → XmlElement "paragraph" → XmlText), so it passes the server's
 * validation of what a guide may hold.
 *
 * The paragraph is made by a fixed client id, identically on every peer: each peer applies the
 * same "seed" update before it edits, Yjs merges identical structs, so concurrent peers share one
 * paragraph instead of each creating their own.
 */
export const guideSeedClientId = 0x5eed;

let seedUpdate: Uint8Array | null = null;

function seed(): Uint8Array {
  if (!seedUpdate) {
    const doc = new Y.Doc();
    doc.clientID = guideSeedClientId;
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText()]);
    doc.getXmlFragment(guideFragmentName).insert(0, [paragraph]);
    seedUpdate = Y.encodeStateAsUpdate(doc);
    doc.destroy();
  }
  return seedUpdate;
}

/** The shared paragraph's text, to write into (the seed is applied to `doc` first if needed). */
export function guideText(doc: Y.Doc): Y.XmlText {
  if (Y.getState(doc.store, guideSeedClientId) < 2) Y.applyUpdate(doc, seed());
  return textOf(doc) as Y.XmlText;
}

/** What the shared paragraph holds, without changing `doc` ("" before anyone wrote). */
export function readGuideText(doc: Y.Doc | undefined): string {
  return doc ? (textOf(doc)?.toString() ?? '') : '';
}

function textOf(doc: Y.Doc): Y.XmlText | null {
  if (Y.getState(doc.store, guideSeedClientId) < 2) return null;
  const item = Y.getItem(doc.store, Y.createID(guideSeedClientId, 1));
  if (!(item instanceof Y.Item) || !(item.content instanceof Y.ContentType)) return null;
  return item.content.type as Y.XmlText;
}
