import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/core';
import { normalizeLinkHref } from './linkHref.ts';

/**
 * Inline form for adding, changing or removing a link on the selected text. A real form (not
 * `window.prompt`) so it is labelled, translated and shows errors in place.
 */
export function LinkForm({
  id,
  editor,
  onDone,
}: {
  id: string;
  editor: Editor;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const errorId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [href, setHref] = useState(() => String(editor.getAttributes('link').href ?? ''));
  const [invalid, setInvalid] = useState(false);
  const hasLink = editor.isActive('link');

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const normalized = normalizeLinkHref(href);
    if (normalized === null) {
      setInvalid(true);
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href: normalized }).run();
    onDone();
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onDone();
  };

  return (
    <form
      id={id}
      className="link-form"
      onSubmit={apply}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone();
        }
      }}
      noValidate
    >
      <label htmlFor={inputId}>{t('toolbar.linkForm.label')}</label>
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        inputMode="url"
        dir="ltr"
        placeholder={t('toolbar.linkForm.placeholder')}
        value={href}
        onChange={(event) => {
          setHref(event.target.value);
          setInvalid(false);
        }}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
      />
      <button type="submit" className="button button--primary">
        {t('toolbar.linkForm.apply')}
      </button>
      {hasLink && (
        <button type="button" className="button" onClick={remove}>
          {t('toolbar.linkForm.remove')}
        </button>
      )}
      <button type="button" className="button" onClick={onDone}>
        {t('toolbar.linkForm.cancel')}
      </button>
      {invalid && (
        <p id={errorId} className="field__error link-form__error" role="alert">
          {t('toolbar.linkForm.invalid')}
        </p>
      )}
    </form>
  );
}
