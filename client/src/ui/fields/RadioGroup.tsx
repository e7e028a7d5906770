import { useId, type ReactNode } from 'react';
import type { SelectOption } from './SelectField.tsx';

interface RadioGroupProps<Value extends string> {
  legend: string;
  name: string;
  options: readonly (SelectOption & { value: Value; description?: string })[];
  value: Value;
  onChange: (value: Value) => void;
  hint?: ReactNode;
}

/** One choice among a few, all visible at once (kinds of session, scope of an invite). */
export function RadioGroup<Value extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  hint,
}: RadioGroupProps<Value>) {
  const base = useId();
  return (
    <fieldset className="org-choice-group" aria-describedby={hint ? `${base}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={`${base}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="org-choice-group__options org-choice-group__options--stacked">
        {options.map((option) => (
          <label key={option.value} className="org-choice">
            <input
              type="radio"
              name={`${base}-${name}`}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              aria-describedby={option.description ? `${base}-${option.value}-desc` : undefined}
            />
            <span>
              <span lang={option.lang}>{option.label}</span>
              {option.description && (
                <span className="org-choice__description" id={`${base}-${option.value}-desc`}>
                  {option.description}
                </span>
              )}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
