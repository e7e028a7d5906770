import { useId, type ReactNode } from 'react';
import type { Problem } from '../form/problems.ts';
import { fieldIds, type FieldIds } from './fieldIds.ts';
import { FieldMessages } from './FieldMessages.tsx';

/** What every one-control field says around its control. */
export interface FieldText {
  label: string;
  hint?: ReactNode;
  problem?: Problem;
  /** The server's own (English) message, when it refused a value the browser let through. */
  serverMessage?: string;
}

interface LabelledFieldProps {
  text: FieldText;
  /** The control, given the ids it must carry (`inputId`, `describedBy`, `invalid`). */
  children: (ids: FieldIds) => ReactNode;
}

/** The frame of a one-control field: its label, the control, then its hint and error. */
export function LabelledField({ text, children }: LabelledFieldProps) {
  const { label, hint, problem, serverMessage } = text;
  const ids = fieldIds(useId(), { hint, problem, serverMessage });
  return (
    <div className="field">
      <label htmlFor={ids.inputId}>{label}</label>
      {children(ids)}
      <FieldMessages
        hintId={ids.hintId}
        errorId={ids.errorId}
        hint={hint}
        problem={problem}
        serverMessage={serverMessage}
      />
    </div>
  );
}
