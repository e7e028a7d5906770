import { useId, type ReactNode } from 'react';
import type { Problem } from '../form/problems.ts';
import { fieldIds } from './fieldIds.ts';
import { LabelledField } from './LabelledField.tsx';

export interface SelectOption {
  value: string;
  label: string;
  /** For names shown in their own language (English, العربية…). */
  lang?: string;
}

interface SelectFieldProps {
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  /** A first, empty choice ("Choose a session…") when nothing is chosen yet. */
  placeholder?: string;
  hint?: ReactNode;
  problem?: Problem;
  serverMessage?: string;
}

export function SelectField({
  label,
  value,
  options,
  onChange,
  placeholder,
  hint,
  problem,
  serverMessage,
}: SelectFieldProps) {
  const ids = fieldIds(useId(), { hint, problem, serverMessage });
  return (
    <LabelledField
      label={label}
      ids={ids}
      hint={hint}
      problem={problem}
      serverMessage={serverMessage}
    >
      <select
        id={ids.inputId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={ids.invalid}
        aria-describedby={ids.describedBy}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang} dir="auto">
            {option.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}
