import type { Editor } from '@tiptap/core';
import { isBlockDirection, type BlockDirectionValue } from '@draftroom/shared/editor';
import type { ToolbarIconName } from './ToolbarIcon.tsx';

/**
 * The toolbar's buttons, in order (the link button, which opens a form, sits after `table`).
 * `id` is also the translation key under `toolbar.` (label, title, and `keys` when `shortcut`,
 * `glyph` when there is no icon). A `toggle` shows its state with `aria-pressed`; `isEnabled`
 * greys a button out (focusable, `aria-disabled`) where it can do nothing, such as the table
 * operations outside a table. `groupStart` leaves a gap before a new group.
 */
export type ToolbarActionId =
  | 'bold'
  | 'italic'
  | 'superscript'
  | 'subscript'
  | 'heading1'
  | 'heading2'
  | 'heading3'
  | 'bulletList'
  | 'orderedList'
  | 'directionRtl'
  | 'directionLtr'
  | 'link'
  | 'table'
  | 'addRow'
  | 'deleteRow'
  | 'addColumn'
  | 'deleteColumn'
  | 'undo'
  | 'redo';

export interface ToolbarAction {
  id: ToolbarActionId;
  toggle: boolean;
  shortcut: boolean;
  icon?: ToolbarIconName;
  groupStart?: boolean;
  isActive?: (editor: Editor) => boolean;
  isEnabled?: (editor: Editor) => boolean;
  run: (editor: Editor, toolbar: ToolbarControls) => void;
}

/** What a button may ask of the toolbar itself (the link button opens the link form). */
export interface ToolbarControls {
  toggleLinkForm: () => void;
}

/** The direction the writer set on the block around the caret (null: from its text). */
export function blockDirectionAt(editor: Editor): BlockDirectionValue | null {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const dir: unknown = $from.node(depth).attrs.dir;
    if (dir !== undefined) return isBlockDirection(dir) ? dir : null;
  }
  return null;
}

const directionToggle = (
  id: 'directionRtl' | 'directionLtr',
  direction: BlockDirectionValue,
  groupStart = false,
): ToolbarAction => ({
  id,
  toggle: true,
  shortcut: false,
  icon: id,
  groupStart,
  isActive: (editor: Editor) => blockDirectionAt(editor) === direction,
  // Pressed again, the block goes back to taking its direction from its own text.
  run: (editor: Editor) =>
    editor
      .chain()
      .focus()
      .setBlockDirection(blockDirectionAt(editor) === direction ? null : direction)
      .run(),
});

type Chain = ReturnType<Editor['chain']>;

function tableCommand(
  id: 'addRow' | 'deleteRow' | 'addColumn' | 'deleteColumn',
  command: (chain: Chain) => Chain,
  groupStart = false,
): ToolbarAction {
  return {
    id,
    toggle: false,
    shortcut: false,
    icon: id,
    groupStart,
    isEnabled: (editor) => command(editor.can().chain()).run(),
    run: (editor) => command(editor.chain().focus()).run(),
  };
}

export const toolbarActions: readonly ToolbarAction[] = [
  {
    id: 'bold',
    toggle: true,
    shortcut: true,
    isActive: (editor) => editor.isActive('bold'),
    run: (editor) => editor.chain().focus().toggleBold().run(),
  },
  {
    id: 'italic',
    toggle: true,
    shortcut: true,
    isActive: (editor) => editor.isActive('italic'),
    run: (editor) => editor.chain().focus().toggleItalic().run(),
  },
  {
    id: 'superscript',
    toggle: true,
    shortcut: true,
    isActive: (editor) => editor.isActive('superscript'),
    run: (editor) => editor.chain().focus().toggleSuperscript().run(),
  },
  {
    id: 'subscript',
    toggle: true,
    shortcut: true,
    isActive: (editor) => editor.isActive('subscript'),
    run: (editor) => editor.chain().focus().toggleSubscript().run(),
  },
  {
    id: 'heading1',
    toggle: true,
    shortcut: true,
    groupStart: true,
    isActive: (editor) => editor.isActive('heading', { level: 1 }),
    run: (editor) => editor.chain().focus().toggleHeading({ level: 1 }).run(),
  },
  {
    id: 'heading2',
    toggle: true,
    shortcut: true,
    isActive: (editor) => editor.isActive('heading', { level: 2 }),
    run: (editor) => editor.chain().focus().toggleHeading({ level: 2 }).run(),
  },
  {
    id: 'heading3',
    toggle: true,
    shortcut: true,
    isActive: (editor) => editor.isActive('heading', { level: 3 }),
    run: (editor) => editor.chain().focus().toggleHeading({ level: 3 }).run(),
  },
  {
    id: 'bulletList',
    toggle: true,
    shortcut: true,
    isActive: (editor) => editor.isActive('bulletList'),
    run: (editor) => editor.chain().focus().toggleBulletList().run(),
  },
  {
    id: 'orderedList',
    toggle: true,
    shortcut: true,
    isActive: (editor) => editor.isActive('orderedList'),
    run: (editor) => editor.chain().focus().toggleOrderedList().run(),
  },
  directionToggle('directionRtl', 'rtl', true),
  directionToggle('directionLtr', 'ltr'),
  {
    id: 'link',
    toggle: true,
    shortcut: false,
    icon: 'link',
    groupStart: true,
    isActive: (editor) => editor.isActive('link'),
    run: (_editor, toolbar) => toolbar.toggleLinkForm(),
  },
  {
    id: 'table',
    toggle: false,
    shortcut: false,
    icon: 'table',
    run: (editor) =>
      editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
  },
  // Table operations: enabled only where they apply (inside a table).
  tableCommand('addRow', (chain) => chain.addRowAfter(), true),
  tableCommand('deleteRow', (chain) => chain.deleteRow()),
  tableCommand('addColumn', (chain) => chain.addColumnAfter()),
  tableCommand('deleteColumn', (chain) => chain.deleteColumn()),
  // The collaboration extension's undo manager: only this person's own changes, never others'.
  {
    id: 'undo',
    toggle: false,
    shortcut: true,
    icon: 'undo',
    groupStart: true,
    isEnabled: (editor) => editor.can().undo(),
    run: (editor) => editor.chain().focus().undo().run(),
  },
  {
    id: 'redo',
    toggle: false,
    shortcut: true,
    icon: 'redo',
    isEnabled: (editor) => editor.can().redo(),
    run: (editor) => editor.chain().focus().redo().run(),
  },
];
