import type { ReactNode } from 'react';
import type { Problem } from '../form/problems.ts';
import type { FieldIds } from './fieldIds.ts';
import { FieldMessages } from './FieldMessages.tsx';

interface LabelledFieldProps {
  label: string;
  /** From `fieldIds`: the control inside must carry `ids.inputId` and `ids.describedBy`. */
  ids: FieldIds;
  hint?: ReactNode;
  problem?: Problem;
  serverMessage?: string;
  /** The control itself. */
  children: ReactNode;
}

/** The frame of a one-control field: its label, the control, then its hint and error. */
export function LabelledField({
  label,
  ids,
  hint,
  problem,
  serverMessage,
  children,
}: LabelledFieldProps) {
  return (
    <div className="field">
      <label htmlFor={ids.inputId}>{label}</label>
      {children}
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
