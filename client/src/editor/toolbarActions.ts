import type { Editor } from '@tiptap/core';

/**
 * The toolbar's formatting toggles, in order. `id` is also the translation key under `toolbar.`
 * (label, visible glyph, shortcut); `isActive` drives `aria-pressed`.
 */
export const toolbarActions = [
  {
    id: 'bold',
    isActive: (editor: Editor) => editor.isActive('bold'),
    run: (editor: Editor) => editor.chain().focus().toggleBold().run(),
  },
  {
    id: 'italic',
    isActive: (editor: Editor) => editor.isActive('italic'),
    run: (editor: Editor) => editor.chain().focus().toggleItalic().run(),
  },
  {
    id: 'heading1',
    isActive: (editor: Editor) => editor.isActive('heading', { level: 1 }),
    run: (editor: Editor) => editor.chain().focus().toggleHeading({ level: 1 }).run(),
  },
  {
    id: 'heading2',
    isActive: (editor: Editor) => editor.isActive('heading', { level: 2 }),
    run: (editor: Editor) => editor.chain().focus().toggleHeading({ level: 2 }).run(),
  },
  {
    id: 'bulletList',
    isActive: (editor: Editor) => editor.isActive('bulletList'),
    run: (editor: Editor) => editor.chain().focus().toggleBulletList().run(),
  },
  {
    id: 'orderedList',
    isActive: (editor: Editor) => editor.isActive('orderedList'),
    run: (editor: Editor) => editor.chain().focus().toggleOrderedList().run(),
  },
] as const;

export type ToolbarActionId = (typeof toolbarActions)[number]['id'] | 'link' | 'table';

export function insertTable(editor: Editor): void {
  editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run();
}
