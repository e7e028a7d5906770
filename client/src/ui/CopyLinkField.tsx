import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface CopyLinkFieldProps {
  label: string;
  /** Hide the label visually (in a table row whose header already names the person). */
  hideLabel?: boolean;
  url: string;
  describedBy?: string;
}

/**
 * A link to hand out, in a read-only field with a Copy button. Copying says so in a live region;
 * where the clipboard is refused (an insecure origin, a denied permission) the text is selected
 * instead, and the person is told to press Ctrl+C.
 */
export function CopyLinkField({ label, hideLabel, url, describedBy }: CopyLinkFieldProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<{ result: 'copied' | 'selected'; n: number } | null>(
    null,
  );

  const copy = async () => {
    const n = (copyState?.n ?? 0) + 1;
    try {
      await navigator.clipboard.writeText(url);
      setCopyState({ result: 'copied', n });
    } catch {
      inputRef.current?.focus();
      inputRef.current?.select();
      setCopyState({ result: 'selected', n });
    }
  };

  return (
    <div className="org-copy-link">
      <label htmlFor={inputId} className={hideLabel ? 'visually-hidden' : 'org-copy-link__label'}>
        {label}
      </label>
      <div className="field__row">
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          readOnly
          dir="ltr"
          className="org-copy-link__url"
          value={url}
          aria-describedby={describedBy}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          {t('organiser.invites.copy')}
          {hideLabel && <span className="visually-hidden"> {label}</span>}
        </button>
      </div>
      <p role="status" className="org-copy-link__status">
        {/* Keyed by attempt, so copying the same link twice is announced twice. */}
        {copyState && (
          <span key={copyState.n}>
            {copyState.result === 'copied'
              ? t('organiser.invites.copied')
              : t('organiser.invites.copyFailed')}
          </span>
        )}
      </p>
    </div>
  );
}
