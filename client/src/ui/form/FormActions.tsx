import { ErrorNotice } from '../ErrorNotice.tsx';

interface FormActionsProps {
  /** The refused request's error, shown above the buttons; `null` when there is none. */
  error: unknown;
  busy: boolean;
  submitLabel: string;
  /** What the submit button says while the request runs ("Saving…"). */
  busyLabel: string;
  /** A Cancel button, for forms that can be closed without saving. */
  cancel?: { label: string; onClick: () => void };
}

/**
 * The end of every form: the failure, if any, then submit (and Cancel). Submit stays focusable
 * while busy (`aria-disabled`, not `disabled`), so focus is not lost from under the keyboard.
 */
export function FormActions({ error, busy, submitLabel, busyLabel, cancel }: FormActionsProps) {
  return (
    <>
      {error !== null && <ErrorNotice error={error} />}
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
        {cancel && (
          <button type="button" className="button" onClick={cancel.onClick}>
            {cancel.label}
          </button>
        )}
      </div>
    </>
  );
}
