import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { BlockDirection } from './blockDirection.ts';
import { Subscript, Superscript } from './scriptMarks.ts';
import { PracticeCitation } from './practiceCitation.ts';

/**
 * The guide's editor schema, defined once for both ends: the client adds Collaboration and the
 * caret on top; the server uses the same list to read and seed documents. Undo/redo is off
 * because Yjs brings its own collaborative undo manager; an editor without Yjs (a template's)
 * turns ProseMirror's own back on with `undoRedo` (it adds no node or mark: same schema).
 */
export function guideExtensions(
  options: {
    undoRedo?: boolean;
    /** The client's citation with its card (same node, same schema: a node view added). */
    practiceCitation?: AnyExtension;
  } = {},
): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: options.undoRedo ? {} : false,
      heading: { levels: [1, 2, 3] },
      link: { openOnClick: false, autolink: true },
      // Each client would append its own trailing paragraph to the shared doc: duplicates.
      trailingNode: false,
    }),
    TableKit.configure({ table: { resizable: false } }),
    BlockDirection,
    Superscript,
    Subscript,
    options.practiceCitation ?? PracticeCitation,
  ];
}
