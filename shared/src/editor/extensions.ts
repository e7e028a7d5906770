import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { BlockDirection } from './blockDirection.ts';
import { Subscript, Superscript } from './scriptMarks.ts';

/**
 * The guide's editor schema, defined once for both ends: the client adds Collaboration and the
 * caret on top; the server uses the same list to read and seed documents. Undo/redo is off
 * because Yjs brings its own collaborative undo manager.
 */
export function guideExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      heading: { levels: [1, 2, 3] },
      link: { openOnClick: false, autolink: true },
      // Each client would append its own trailing paragraph to the shared doc: duplicates.
      trailingNode: false,
    }),
    TableKit.configure({ table: { resizable: false } }),
    BlockDirection,
    Superscript,
    Subscript,
  ];
}
