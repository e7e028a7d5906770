import { getSchema, type JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { guideFragmentName } from '@draftroom/shared';
import { guideExtensions } from '@draftroom/shared/editor';

const guideSchema = getSchema(guideExtensions());

/** Encodes editor content (ProseMirror JSON) as a Yjs update of a guide's body. */
export function encodeGuideBody(content: JSONContent): Uint8Array {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(guideSchema, content, doc.getXmlFragment(guideFragmentName));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
