import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { maxPracticeLinks } from '@draftroom/shared';
import { FieldMessages } from '../ui/fields/FieldMessages.tsx';
import { fieldIds } from '../ui/fields/fieldIds.ts';
import type { Problem } from '../ui/form/problems.ts';

type Link = { label: string; url: string };

interface PracticeLinksFieldProps {
  value: Link[];
  onChange: (links: Link[]) => void;
  problem?: Problem;
  serverMessage?: string;
}

/**
 * Links about the practice, each a label and a web address; added and removed one at a time.
 * After a removal focus goes to "Add a link", so the keyboard does not fall to the page's top.
 */
export function PracticeLinksField({
  value,
  onChange,
  problem,
  serverMessage,
}: PracticeLinksFieldProps) {
  const { t } = useTranslation();
  const base = useId();
  const ids = fieldIds(base, { hint: true, problem, serverMessage });
  // A link just added: focus its label, so the keyboard is where the typing goes next.
  const added = useRef(false);
  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    document.getElementById(`${base}-label-${value.length - 1}`)?.focus();
  }, [value.length, base]);
  const set = (index: number, patch: Partial<Link>) =>
    onChange(value.map((link, at) => (at === index ? { ...link, ...patch } : link)));
  return (
    <fieldset className="practice-links" aria-describedby={ids.describedBy}>
      <legend>{t('library.form.links')}</legend>
      {value.map((link, index) => (
        <div key={index} className="practice-links__row">
          <div className="field">
            <label htmlFor={`${base}-label-${index}`}>
              {t('library.form.linkLabel', { n: index + 1 })}
            </label>
            <input
              id={`${base}-label-${index}`}
              type="text"
              dir="auto"
              maxLength={200}
              value={link.label}
              aria-invalid={ids.invalid}
              onChange={(event) => set(index, { label: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${base}-url-${index}`}>
              {t('library.form.linkUrl', { n: index + 1 })}
            </label>
            <input
              id={`${base}-url-${index}`}
              // Text with a URL keyboard: the shared form styles, and our own check (https only).
              type="text"
              inputMode="url"
              dir="ltr"
              maxLength={2000}
              placeholder="https://"
              value={link.url}
              aria-invalid={ids.invalid}
              onChange={(event) => set(index, { url: event.target.value })}
            />
          </div>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              onChange(value.filter((_, at) => at !== index));
              document.getElementById(`${base}-add`)?.focus();
            }}
          >
            {t('library.form.removeLink', { n: index + 1 })}
          </button>
        </div>
      ))}
      {value.length < maxPracticeLinks && (
        <button
          id={`${base}-add`}
          type="button"
          className="button button--small"
          onClick={() => {
            added.current = true;
            onChange([...value, { label: '', url: '' }]);
          }}
        >
          {t('library.form.addLink')}
        </button>
      )}
      <FieldMessages
        hintId={ids.hintId}
        errorId={ids.errorId}
        hint={t('library.form.linksHint')}
        problem={problem}
        serverMessage={serverMessage}
      />
    </fieldset>
  );
}
