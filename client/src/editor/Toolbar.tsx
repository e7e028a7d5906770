import { useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { toolbarActions, type ToolbarAction, type ToolbarActionId } from './toolbarActions.ts';
import { LinkForm } from './LinkForm.tsx';
import { ToolbarIcon, type ToolbarIconName } from './ToolbarIcon.tsx';

/**
 * A button a feature adds after the formatting actions (e.g. "Cite a practice"): a drawing like
 * the others, so the toolbar stays one row beside the editor, and one more stop of its arrow keys.
 */
export interface ToolbarExtraButton {
  id: string;
  icon: ToolbarIconName;
  /** Its accessible name. */
  label: string;
  title: string;
  keys?: string;
  onClick: () => void;
  buttonRef?: RefObject<HTMLButtonElement | null>;
  /** The dialog it opens (`aria-haspopup`). */
  opensDialog?: boolean;
}

/**
 * Formatting toolbar following the WAI-ARIA toolbar pattern: one Tab stop, arrow keys move between
 * buttons (mirrored in right-to-left languages), Home/End jump to the ends. Buttons that can do
 * nothing here stay focusable with `aria-disabled`, so a keyboard user still finds them.
 */
export function Toolbar({
  editor,
  controls: controlsId = 'guide-editor-content',
  extraButtons = [],
}: {
  editor: Editor;
  extraButtons?: readonly ToolbarExtraButton[];
  /** The id of the editable region the buttons act on. */
  controls?: string;
}) {
  const { t, i18n } = useTranslation();
  const [focusIndex, setFocusIndex] = useState(0);
  const [linkFormOpen, setLinkFormOpen] = useState(false);
  const linkButton = useRef<HTMLButtonElement>(null);

  // Re-renders only when one of these flags changes, not on every keystroke.
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) =>
      toolbarActions.map((action) => ({
        active: action.isActive?.(current) ?? false,
        enabled: action.isEnabled?.(current) ?? true,
      })),
    equalityFn: (a, b) =>
      a.length === b?.length &&
      a.every((flags, i) => flags.active === b[i]?.active && flags.enabled === b[i]?.enabled),
  });

  const count = toolbarActions.length + extraButtons.length;
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

  // A shortcut and a glyph exist only for some buttons (the action says which), so the key is not
  // one the types can prove; locales.test.ts checks that every language has the same keys.
  const optional = (id: ToolbarActionId, part: 'keys' | 'glyph') =>
    t(`toolbar.${id}.${part}` as 'toolbar.bold.keys');

  const controls = { toggleLinkForm: () => setLinkFormOpen((open) => !open) };
  const button = (action: ToolbarAction, index: number) => {
    const flags = state?.[index] ?? { active: false, enabled: true };
    const isLink = action.id === 'link';
    return (
      <button
        key={action.id}
        type="button"
        ref={isLink ? linkButton : undefined}
        className={`toolbar__button${action.groupStart ? ' toolbar__button--group-start' : ''}`}
        tabIndex={index === focusIndex ? 0 : -1}
        onFocus={() => setFocusIndex(index)}
        // Keep the editor's selection: a mouse press on a button must not move focus away first.
        onMouseDown={(event) => event.preventDefault()}
        aria-label={t(`toolbar.${action.id}.label`)}
        title={t(`toolbar.${action.id}.title`)}
        aria-keyshortcuts={action.shortcut ? optional(action.id, 'keys') : undefined}
        aria-pressed={action.toggle ? flags.active : undefined}
        aria-disabled={flags.enabled ? undefined : true}
        aria-expanded={isLink ? linkFormOpen : undefined}
        aria-controls={isLink ? 'guide-link-form' : undefined}
        data-action={action.id}
        onClick={() => {
          if (flags.enabled) action.run(editor, controls);
        }}
      >
        {action.icon ? (
          <ToolbarIcon name={action.icon} />
        ) : (
          <span aria-hidden="true" className={`toolbar__glyph toolbar__glyph--${action.id}`}>
            {optional(action.id, 'glyph')}
          </span>
        )}
      </button>
    );
  };

  return (
    <div className="toolbar-area">
      <div
        className="toolbar"
        role="toolbar"
        aria-label={t('toolbar.label')}
        aria-controls={controlsId}
        onKeyDown={onKeyDown}
      >
        {toolbarActions.map(button)}
        {extraButtons.map((extra, extraIndex) => {
          const index = toolbarActions.length + extraIndex;
          return (
            <button
              key={extra.id}
              ref={extra.buttonRef}
              type="button"
              className="toolbar__button toolbar__button--group-start"
              tabIndex={index === focusIndex ? 0 : -1}
              onFocus={() => setFocusIndex(index)}
              onMouseDown={(event) => event.preventDefault()}
              aria-label={extra.label}
              title={extra.title}
              aria-keyshortcuts={extra.keys}
              aria-haspopup={extra.opensDialog ? 'dialog' : undefined}
              data-action={extra.id}
              onClick={extra.onClick}
            >
              <ToolbarIcon name={extra.icon} />
            </button>
          );
        })}
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
