import { LabelledField, type FieldText } from './LabelledField.tsx';

export interface SelectOption {
  value: string;
  label: string;
  /** For names shown in their own language (English, العربية…). */
  lang?: string;
}

interface SelectFieldProps extends FieldText {
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  /** A first, empty choice ("Choose a session…") when nothing is chosen yet. */
  placeholder?: string;
}

export function SelectField({ value, options, onChange, placeholder, ...text }: SelectFieldProps) {
  return (
    <LabelledField text={text}>
      {(ids) => (
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
      )}
    </LabelledField>
  );
}
