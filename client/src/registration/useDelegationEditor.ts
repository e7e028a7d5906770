import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DelegationForm } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { ApiRequestError } from '../api/client.ts';
import { useFocusFirstInvalid } from '../ui/form/useFocusFirstInvalid.ts';
import { useStatus } from '../ui/useStatus.ts';
import {
  checkDelegation,
  delegationValues,
  hasProblems,
  isDirty,
  newDelegateRow,
  noProblems,
  problemsFromSaveError,
  withoutProblem,
  type DelegateField,
  type DelegateRow,
  type DelegationProblems,
  type DelegationValues,
  type FocalField,
} from './delegationForm.ts';

interface EditorOptions {
  token: string;
  form: DelegationForm;
  onSaved: (form: DelegationForm) => void;
  /** The server refused the save: registration closed meanwhile. */
  onClosed: () => void;
}

/** Asks before leaving the page (closing the tab, reloading) while changes are not saved. */
function useUnsavedWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}

/**
 * The focal point's editor: the delegation's rows, their problems, the save and what it answered.
 * The whole delegation is sent at once; problems found in the browser keep it from being sent,
 * and those the server finds land on the same fields (the row they were sent as).
 */
export function useDelegationEditor({ token, form, onSaved, onClosed }: EditorOptions) {
  const { t, i18n } = useTranslation();
  const [saved, setSaved] = useState<DelegationValues>(() => delegationValues(form));
  const [values, setValues] = useState<DelegationValues>(saved);
  const [problems, setProblems] = useState<DelegationProblems>(noProblems);
  const [apiError, setApiError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState(0);
  // A row just added: its first field takes focus after the render that shows it.
  const focusRow = useRef<string | null>(null);
  const formRef = useFocusFirstInvalid(refused);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const nextKey = useRef(0);
  const { status, announce } = useStatus();
  const dirty = isDirty(values, saved);
  useUnsavedWarning(dirty);

  useEffect(() => {
    if (focusRow.current === null) return;
    const selector = `[data-row-key="${focusRow.current}"] input`;
    focusRow.current = null;
    formRef.current?.querySelector<HTMLInputElement>(selector)?.focus();
  });

  const edited = () => {
    setApiError(null);
    announce(null);
  };

  const changeFocal = (field: FocalField, value: string) => {
    setValues((previous) => ({
      ...previous,
      focalPoint: { ...previous.focalPoint, [field]: value },
    }));
    setProblems((previous) => withoutProblem(previous, { focal: field }));
    edited();
  };

  const changeRow = (key: string, patch: Partial<DelegateRow>, field: DelegateField) => {
    setValues((previous) => ({
      ...previous,
      delegates: previous.delegates.map((row) => (row.key === key ? { ...row, ...patch } : row)),
    }));
    setProblems((previous) => withoutProblem(previous, { row: key, field }));
    edited();
  };

  const addRow = () => {
    nextKey.current += 1;
    const key = `new-${nextKey.current}`;
    const row = newDelegateRow(key, form.eventLanguages, i18n.language);
    setValues((previous) => ({ ...previous, delegates: [...previous.delegates, row] }));
    focusRow.current = key;
    edited();
  };

  const removeRow = (key: string) => {
    const number = values.delegates.findIndex((row) => row.key === key) + 1;
    setValues((previous) => ({
      ...previous,
      delegates: previous.delegates.filter((row) => row.key !== key),
    }));
    setProblems((previous) => {
      const { [key]: _removed, ...rest } = previous.delegates;
      return { ...previous, delegates: rest };
    });
    edited();
    announce(t('registration.editor.removed', { number }));
    addButtonRef.current?.focus();
  };

  const refuse = (found: DelegationProblems) => {
    setProblems(found);
    setRefused((n) => n + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setApiError(null);
    announce(null);
    const checked = checkDelegation(values);
    if (!checked.ok) {
      refuse(checked.problems);
      return;
    }
    setProblems(noProblems);
    setBusy(true);
    const sent = values;
    try {
      const answer = await callApi('saveDelegation', { params: { token }, body: checked.request });
      const now = delegationValues(answer);
      setSaved(now);
      setValues(now);
      announce(t('registration.editor.saved', { count: answer.delegates.length }));
      onSaved(answer);
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'registration_closed') {
        onClosed();
        return;
      }
      const found = problemsFromSaveError(error, sent, checked.sentKeys);
      if (hasProblems(found)) refuse(found);
      else setApiError(error);
    } finally {
      setBusy(false);
    }
  };

  return {
    values,
    problems,
    apiError,
    busy,
    dirty,
    status,
    formRef,
    addButtonRef,
    changeFocal,
    changeRow,
    addRow,
    removeRow,
    submit,
  };
}
