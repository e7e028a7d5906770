import { useEffect, useRef } from 'react';

/**
 * After a submit that found problems, moves focus to the first field marked invalid: a keyboard
 * or screen reader user lands on it and hears its error (linked with aria-describedby).
 * `attempt` changes on every refused submit.
 */
export function useFocusFirstInvalid(attempt: number) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (attempt === 0) return;
    const form = formRef.current;
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) {
      invalid.focus();
      return;
    }
    // A group's error (languages, scope) sits on its fieldset: focus its first box.
    const group = form?.querySelector<HTMLElement>('fieldset .field__error');
    group?.closest('fieldset')?.querySelector<HTMLElement>('input')?.focus();
  }, [attempt]);
  return formRef;
}
