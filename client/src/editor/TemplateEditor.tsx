import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { guideExtensions } from '@draftroom/shared/editor';
import { AutoDirection } from './autoDirection.ts';
import { Toolbar } from './Toolbar.tsx';

interface TemplateEditorProps {
  /** The content to start from; later changes of this prop are ignored (the editor owns it). */
  initial: JSONContent;
  onChange: (content: JSONContent) => void;
  /** The id of the element that names the editor (the form's "Content" label). */
  labelledBy: string;
  /** The hint and, when there is one, the error under it. */
  describedBy?: string;
  invalid?: boolean;
  /** The editable region's id, for a page with several editors (a practice's three sections). */
  contentId?: string;
}

/**
 * A template's body, in the guide's own editor: the same schema, toolbar and per-block direction,
 * so a template holds exactly what a guide can. One person edits a template at a time: no Yjs
 * here, and ProseMirror's own undo history instead of the collaborative one.
 */
export function TemplateEditor({
  initial,
  onChange,
  labelledBy,
  describedBy,
  invalid = false,
  contentId = 'template-editor-content',
}: TemplateEditorProps) {
  const { i18n } = useTranslation();
  // Read by ProseMirror's attribute callback, which runs outside React's render.
  const described = useRef({ describedBy, invalid });
  const editor = useEditor({
    // Tiptap's base rules are in styles/editor.css: the content security policy refuses <style>.
    injectCSS: false,
    extensions: [...guideExtensions({ undoRedo: true }), AutoDirection],
    content: initial,
    onUpdate: ({ editor: current }) => onChange(current.getJSON()),
    editorProps: {
      attributes: () => ({
        id: contentId,
        class: 'guide-editor__content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelledBy,
        ...(described.current.describedBy
          ? { 'aria-describedby': described.current.describedBy }
          : {}),
        'aria-invalid': described.current.invalid ? 'true' : 'false',
        spellcheck: 'true',
      }),
    },
  });

  // The attributes are computed by ProseMirror, outside React: recompute them when they change.
  useEffect(() => {
    described.current = { describedBy, invalid };
    if (editor && !editor.isDestroyed) editor.setOptions({});
  }, [editor, i18n.language, describedBy, invalid]);

  return (
    <div className="guide-editor template-editor">
      {editor && <Toolbar editor={editor} controls={contentId} />}
      <div className="guide-editor__frame">
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
