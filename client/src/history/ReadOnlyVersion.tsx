import { useTranslation } from 'react-i18next';
import { EditorContent, useEditor } from '@tiptap/react';
import type { JSONContent } from '@tiptap/core';
import { guideExtensions } from '@draftroom/shared/editor';
import { AutoDirection } from '../editor/autoDirection.ts';

/** A version as it looked, formatting included: the guide's own schema, never editable. */
export function ReadOnlyVersion({ content, name }: { content: unknown; name: string }) {
  const { t } = useTranslation();
  const editor = useEditor(
    {
      extensions: [...guideExtensions(), AutoDirection],
      content: content as JSONContent,
      editable: false,
      editorProps: {
        attributes: {
          class: 'guide-editor__content history-view__content',
          role: 'document',
          'aria-label': t('history.view.contentLabel', { name }),
          tabindex: '0',
        },
      },
    },
    [content],
  );
  return <EditorContent editor={editor} data-testid="version-content" />;
}
