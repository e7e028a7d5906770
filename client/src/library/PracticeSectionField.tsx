import { useId } from 'react';
import type { JSONContent } from '@tiptap/core';
import { TemplateEditor } from '../editor/TemplateEditor.tsx';
import { FieldMessages } from '../ui/fields/FieldMessages.tsx';
import { fieldIds } from '../ui/fields/fieldIds.ts';
import type { Problem } from '../ui/form/problems.ts';

interface PracticeSectionFieldProps {
  label: string;
  hint: string;
  initial: JSONContent;
  onChange: (content: JSONContent) => void;
  problem?: Problem;
  serverMessage?: string;
}

/**
 * One of a practice's three sections in the guide's editor (its schema and toolbar, no Yjs):
 * what is written here is exactly what a guide could hold, and the server checks it as such.
 */
export function PracticeSectionField({
  label,
  hint,
  initial,
  onChange,
  problem,
  serverMessage,
}: PracticeSectionFieldProps) {
  const base = useId();
  const ids = fieldIds(base, { hint, problem, serverMessage });
  return (
    <div className="field practice-section-field">
      {/* A label cannot point at an editable region; its id names the editor instead. */}
      <span className="field__label" id={`${base}-label`}>
        {label}
      </span>
      <p className="field__hint" id={ids.hintId}>
        {hint}
      </p>
      <TemplateEditor
        initial={initial}
        onChange={onChange}
        labelledBy={`${base}-label`}
        describedBy={ids.describedBy}
        invalid={ids.invalid}
        contentId={`${base}-content`}
      />
      <FieldMessages
        hintId={ids.hintId}
        errorId={ids.errorId}
        problem={problem}
        serverMessage={serverMessage}
      />
    </div>
  );
}
