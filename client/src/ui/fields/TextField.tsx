import { LabelledField, type FieldText } from './LabelledField.tsx';

interface TextFieldProps extends FieldText {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'number' | 'date' | 'datetime-local' | 'email';
  required?: boolean;
  /** Shown but not editable (a value only someone else may change now; say why in the hint). */
  readOnly?: boolean;
  maxLength?: number;
  min?: number | string;
  max?: number | string;
  autoComplete?: string;
  /** A multi-line text area instead of an input. */
  multiline?: boolean;
}

/**
 * A labelled input with its hint and error. Free text gets `dir="auto"`, so a title typed in
 * Arabic on the English interface (or the reverse) is laid out in its own direction.
 */
export function TextField({
  value,
  onChange,
  type = 'text',
  required,
  readOnly,
  maxLength,
  min,
  max,
  autoComplete = 'off',
  multiline,
  ...text
}: TextFieldProps) {
  return (
    <LabelledField text={text}>
      {(ids) => {
        const common = {
          id: ids.inputId,
          value,
          required,
          readOnly,
          maxLength,
          autoComplete,
          'aria-invalid': ids.invalid,
          'aria-describedby': ids.describedBy,
        };
        return multiline ? (
          <textarea
            {...common}
            dir="auto"
            rows={4}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <input
            {...common}
            type={type}
            dir={type === 'text' ? 'auto' : undefined}
            min={min}
            max={max}
            inputMode={type === 'number' ? 'numeric' : undefined}
            onChange={(event) => onChange(event.target.value)}
          />
        );
      }}
    </LabelledField>
  );
}
