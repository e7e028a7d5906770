import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { insertTable, toolbarActions, type ToolbarActionId } from './toolbarActions.ts';
import { LinkForm } from './LinkForm.tsx';
import { ToolbarIcon } from './ToolbarIcon.tsx';

/**
 * Formatting toolbar following the WAI-ARIA toolbar pattern: one Tab stop, arrow keys move between
 * buttons (mirrored in right-to-left languages), Home/End jump to the ends.
 */
export function Toolbar({ editor }: { editor: Editor }) {
  const { t, i18n } = useTranslation();
  const [focusIndex, setFocusIndex] = useState(0);
  const [linkFormOpen, setLinkFormOpen] = useState(false);
  const linkButton = useRef<HTMLButtonElement>(null);

  // Re-renders only when one of these flags changes, not on every keystroke.
  const active = useEditorState({
    editor,
    selector: ({ editor: current }): Partial<Record<ToolbarActionId, boolean>> => ({
      ...Object.fromEntries(toolbarActions.map((a) => [a.id, a.isActive(current)])),
      link: current.isActive('link'),
    }),
  });

  const count = toolbarActions.length + 2;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const forward = i18n.dir() === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = i18n.dir() === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    const moves: Record<string, number> = {
      [forward]: (focusIndex + 1) % count,
      [backward]: (focusIndex - 1 + count) % count,
      Home: 0,
      End: count - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setFocusIndex(next);
    event.currentTarget.querySelectorAll<HTMLButtonElement>(':scope > button')[next]?.focus();
  };

  const buttonProps = (index: number) => ({
    type: 'button' as const,
    className: 'toolbar__button',
    tabIndex: index === focusIndex ? 0 : -1,
    onFocus: () => setFocusIndex(index),
    // Keep the editor's selection: a mouse press on a button must not move focus away first.
    onMouseDown: (event: { preventDefault: () => void }) => event.preventDefault(),
  });

  const linkIndex = toolbarActions.length;
  return (
    <div className="toolbar-area">
      <div
        className="toolbar"
        role="toolbar"
        aria-label={t('toolbar.label')}
        aria-controls="guide-editor-content"
        onKeyDown={onKeyDown}
      >
        {toolbarActions.map((action, index) => (
          <button
            key={action.id}
            {...buttonProps(index)}
            aria-label={t(`toolbar.${action.id}.label`)}
            title={t(`toolbar.${action.id}.title`)}
            aria-keyshortcuts={t(`toolbar.${action.id}.keys`)}
            aria-pressed={active?.[action.id] ?? false}
            data-action={action.id}
            onClick={() => action.run(editor)}
          >
            <span aria-hidden="true" className={`toolbar__glyph toolbar__glyph--${action.id}`}>
              {t(`toolbar.${action.id}.glyph`)}
            </span>
          </button>
        ))}
        <button
          {...buttonProps(linkIndex)}
          ref={linkButton}
          aria-label={t('toolbar.link.label')}
          title={t('toolbar.link.title')}
          aria-pressed={active?.link ?? false}
          aria-expanded={linkFormOpen}
          aria-controls="guide-link-form"
          data-action="link"
          onClick={() => setLinkFormOpen((open) => !open)}
        >
          <ToolbarIcon name="link" />
        </button>
        <button
          {...buttonProps(linkIndex + 1)}
          aria-label={t('toolbar.table.label')}
          title={t('toolbar.table.title')}
          data-action="table"
          onClick={() => insertTable(editor)}
        >
          <ToolbarIcon name="table" />
        </button>
      </div>
      {linkFormOpen && (
        <LinkForm
          id="guide-link-form"
          editor={editor}
          onDone={() => {
            setLinkFormOpen(false);
            linkButton.current?.focus();
          }}
        />
      )}
    </div>
  );
}
