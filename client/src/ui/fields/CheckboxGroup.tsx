import { useId, type ReactNode } from 'react';
import type { Problem } from '../form/problems.ts';
import { fieldIds } from './fieldIds.ts';
import { FieldMessages } from './FieldMessages.tsx';
import type { SelectOption } from './SelectField.tsx';

interface CheckboxGroupProps<Value extends string> {
  legend: string;
  options: readonly (SelectOption & { value: Value })[];
  checked: readonly Value[];
  onToggle: (value: Value, checked: boolean) => void;
  hint?: ReactNode;
  problem?: Problem;
  serverMessage?: string;
}

/** Several choices under one legend; the error belongs to the whole group, not one box. */
export function CheckboxGroup<Value extends string>({
  legend,
  options,
  checked,
  onToggle,
  hint,
  problem,
  serverMessage,
}: CheckboxGroupProps<Value>) {
  const ids = fieldIds(useId(), { hint, problem, serverMessage });
  return (
    <fieldset className="org-choice-group" aria-describedby={ids.describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={ids.hintId}>
          {hint}
        </p>
      ) : null}
      <div className="org-choice-group__options">
        {options.map((option) => (
          <label key={option.value} className="org-choice">
            <input
              type="checkbox"
              value={option.value}
              checked={checked.includes(option.value)}
              onChange={(event) => onToggle(option.value, event.target.checked)}
            />
            <span lang={option.lang}>{option.label}</span>
          </label>
        ))}
      </div>
      <FieldMessages
        hintId={ids.hintId}
        errorId={ids.errorId}
        problem={problem}
        serverMessage={serverMessage}
      />
    </fieldset>
  );
}
