import { useState, type FormEvent } from 'react';
import { serverFieldMessages } from '../../api/errorMessages.ts';
import type { Mapped, Problems } from './problems.ts';
import { useFocusFirstInvalid } from './useFocusFirstInvalid.ts';

interface CheckedFormOptions<Values, Field extends string, Request, Saved> {
  initial: () => Values;
  fields: readonly Field[];
  /** Turns the values into the request, or a translated problem per field. */
  check: (values: Values) => Mapped<Request, Field>;
  send: (request: Request) => Promise<Saved>;
  onSaved: (saved: Saved) => void;
}

/**
 * The life of an organiser form: values, a field's problem cleared as it is edited, a check in
 * the browser before anything is sent (focus on the first wrong field), then the request, with
 * the server's error and per-field messages kept for display.
 */
export function useCheckedForm<Values, Field extends string, Request, Saved>(
  options: CheckedFormOptions<Values, Field, Request, Saved>,
) {
  const [values, setValues] = useState<Values>(options.initial);
  const [problems, setProblems] = useState<Problems<Field>>({});
  const [apiError, setApiError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState(0);
  const formRef = useFocusFirstInvalid(refused);
  const serverMessages = serverFieldMessages(apiError, options.fields);

  /** Changes several values at once, clearing the problem of the field the person edited. */
  const update = (patch: Partial<Values>, field: Field) => {
    setValues((previous) => ({ ...previous, ...patch }));
    setProblems((previous) => ({ ...previous, [field]: undefined }));
  };

  const change = <Key extends Field & keyof Values>(field: Key, value: Values[Key]) =>
    update({ [field]: value } as unknown as Partial<Values>, field);

  const submit = async (formEvent: FormEvent) => {
    formEvent.preventDefault();
    if (busy) return;
    const mapped = options.check(values);
    setApiError(null);
    if (!mapped.ok) {
      setProblems(mapped.problems);
      setRefused((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const saved = await options.send(mapped.request);
      setBusy(false);
      options.onSaved(saved);
    } catch (error) {
      setBusy(false);
      setApiError(error);
    }
  };

  return { values, problems, apiError, busy, formRef, serverMessages, update, change, submit };
}
