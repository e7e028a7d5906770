import { useState, type FormEvent } from 'react';
import { serverFieldMessages } from '../../api/errorMessages.ts';
import type { Mapped, Problem, Problems } from './problems.ts';
import { useFocusFirstInvalid } from './useFocusFirstInvalid.ts';

interface CheckedFormOptions<Values, Field extends string, Request, Saved, FieldProblem> {
  initial: Values | (() => Values);
  fields: readonly Field[];
  /** Turns the values into the request, or a translated problem per field. */
  check: (values: Values) => Mapped<Request, Field, FieldProblem>;
  send: (request: Request) => Promise<Saved>;
  onSaved?: (saved: Saved) => void;
  /**
   * Field problems to show for a refused request, instead of the alert: for forms whose fields
   * say in our own words what the server's validation details point at. When it finds none (or
   * is not given) the failure is kept as `apiError`, with the server's per-field sentences in
   * `serverMessages`.
   */
  problemsFromError?: (error: unknown) => Problems<Field, FieldProblem>;
  /** Called on every edit (a "saved" message no longer describes what is on screen). */
  onEdit?: () => void;
}

/**
 * The life of a form: values, a field's problem cleared as it is edited, a check in the browser
 * before anything is sent (focus on the first wrong field, so its message is read out with it),
 * then the request, with the server's error and per-field messages kept for display. Put
 * `formRef` on the `<form>`: focus goes to its first control marked `aria-invalid`.
 */
export function useCheckedForm<
  Values,
  Field extends string,
  Request,
  Saved,
  FieldProblem = Problem,
>(options: CheckedFormOptions<Values, Field, Request, Saved, FieldProblem>) {
  const [values, setValues] = useState<Values>(options.initial);
  const [problems, setProblems] = useState<Problems<Field, FieldProblem>>({});
  const [apiError, setApiError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState(0);
  const formRef = useFocusFirstInvalid(refused);
  const serverMessages = serverFieldMessages(apiError, options.fields);

  const showProblems = (found: Problems<Field, FieldProblem>) => {
    setProblems(found);
    setRefused((n) => n + 1);
  };

  /** Changes several values at once, clearing the problem of the field the person edited. */
  const update = (patch: Partial<Values>, field: Field) => {
    setValues((previous) => ({ ...previous, ...patch }));
    setProblems((previous) =>
      previous[field] === undefined ? previous : { ...previous, [field]: undefined },
    );
    options.onEdit?.();
  };

  const change = <Key extends Field & keyof Values>(field: Key, value: Values[Key]) =>
    update({ [field]: value } as unknown as Partial<Values>, field);

  /**
   * What a field component needs to show and edit one value: spread it into `TextField`,
   * `SelectField` and the like (`<TextField label={…} {...field('name')} />`).
   */
  const field = <Key extends Field & keyof Values>(name: Key) => ({
    value: values[name],
    onChange: (value: Values[Key]) => change(name, value),
    problem: problems[name],
    serverMessage: serverMessages[name],
  });

  const submit = async (formEvent: FormEvent) => {
    formEvent.preventDefault();
    if (busy) return;
    const mapped = options.check(values);
    setApiError(null);
    if (!mapped.ok) {
      showProblems(mapped.problems);
      return;
    }
    setProblems({});
    setBusy(true);
    let saved: Saved;
    try {
      saved = await options.send(mapped.request);
    } catch (error) {
      setBusy(false);
      const fromError = options.problemsFromError?.(error) ?? {};
      if (Object.values(fromError).some((problem) => problem !== undefined)) {
        showProblems(fromError);
      } else {
        setApiError(error);
      }
      return;
    }
    setBusy(false);
    options.onSaved?.(saved);
  };

  return {
    values,
    problems,
    apiError,
    busy,
    formRef,
    serverMessages,
    update,
    change,
    field,
    submit,
  };
}
