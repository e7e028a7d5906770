import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageCode } from '@draftroom/shared';
import { GroupForm } from './GroupForm.tsx';

interface AddGroupProps {
  sessionId: string;
  languages: readonly LanguageCode[];
  onCreated: (message: string) => void;
}

/** "Add a group": a button that opens the group form in place, and focus moves back after. */
export function AddGroup({ sessionId, languages, onCreated }: AddGroupProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    // The form that had focus is gone: give it back to the button that opened it.
    requestAnimationFrame(() => buttonRef.current?.focus());
  };
  if (!open) {
    return (
      <p>
        <button ref={buttonRef} type="button" className="button" onClick={() => setOpen(true)}>
          {t('organiser.groups.add')}
        </button>
      </p>
    );
  }
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('organiser.groups.addHeading')}</h3>
      <GroupForm
        sessionId={sessionId}
        languages={languages}
        onSaved={(group) => {
          close();
          onCreated(t('organiser.groups.created', { name: group.name }));
        }}
        onCancel={close}
      />
    </section>
  );
}
