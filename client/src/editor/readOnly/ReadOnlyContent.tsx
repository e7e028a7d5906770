import { EditorContent, useEditor } from '@tiptap/react';
import type { JSONContent } from '@tiptap/core';
import { guideExtensions } from '@draftroom/shared/editor';
import { AutoDirection } from '../autoDirection.ts';
import { PracticeCitationCard } from '../../citations/citationExtension.ts';

/**
 * A guide's content as it looks in the editor, formatting and each block's `dir` included (the
 * guide's own schema), never editable: a version of the guide, or a guide shown beside another.
 * `label` names it for screen readers; `className` adds to the editor's own classes.
 */
export function ReadOnlyContent({
  content,
  label,
  className,
  testId,
}: {
  content: unknown;
  label: string;
  className: string;
  testId: string;
}) {
  const editor = useEditor(
    {
      // The same card as in the editor: versions and compared guides show citations alike.
      extensions: [...guideExtensions({ practiceCitation: PracticeCitationCard }), AutoDirection],
      content: content as JSONContent,
      editable: false,
      editorProps: {
        attributes: {
          class: `guide-editor__content ${className}`,
          role: 'document',
          'aria-label': label,
          tabindex: '0',
        },
      },
    },
    [content, label],
  );
  return <EditorContent editor={editor} data-testid={testId} />;
}
