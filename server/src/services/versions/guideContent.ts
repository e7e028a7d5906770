import { getSchema } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { guideFragmentName } from '@draftroom/shared';
import { guideExtensions } from '@draftroom/shared/editor';

/**
 * A guide's content as ProseMirror sees it, read and written with the one shared schema: what a
 * version stores besides the Yjs state, and how a restore turns the live guide into a version.
 */
const schema = getSchema(guideExtensions());

/** The ProseMirror JSON of a guide's state (a whole-document Yjs update). */
export function contentOfState(state: Uint8Array): Record<string, unknown> {
  return nodeOfState(state).toJSON();
}

/** A guide's state as a ProseMirror document of the shared schema (what the editor holds). */
export function nodeOfState(state: Uint8Array): Node {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(guideFragmentName), schema);
  } finally {
    doc.destroy();
  }
}

/**
 * A change (for `GuideDocuments.withDocument`) that makes the guide hold `content`: the smallest
 * edit of the shared XmlFragment that y-tiptap's binding would make if a person had typed it
 * (blocks that did not change are kept, with their Yjs identity, so carets and others' pending
 * edits in them survive). Throws before touching anything if the content does not fit the schema.
 */
export function replaceContentWith(content: unknown): (doc: Y.Doc) => void {
  const parsed = Node.fromJSON(schema, content);
  // A guide nobody wrote in has an empty fragment (the editor adds its paragraph on its own):
  // restoring such a version empties the guide down to that one paragraph.
  const node = parsed.childCount === 0 ? (schema.topNodeType.createAndFill() ?? parsed) : parsed;
  node.check();
  return (doc) => {
    updateYFragment(doc, doc.getXmlFragment(guideFragmentName), node, {
      mapping: new Map(),
      isOMark: new Map(),
    });
  };
}
