import {
  cleanText,
  emailSchema,
  maxDelegates,
  type AudienceTag,
  type DelegateStatus,
  type DelegationForm,
  type LanguageCode,
  type SaveDelegationRequest,
} from '@draftroom/shared';
import { ApiRequestError } from '../api/client.ts';
import { checkText } from '../organiser/formProblems.ts';
import { orderLanguages } from '../organiser/languages.ts';
import type { Problem } from '../ui/form/problems.ts';

/**
 * The focal point's form: the delegation as rows the person edits, checked in the browser with the
 * shared rules (worded in the interface's language) before the whole delegation is sent, and the
 * server's refusals mapped back onto the row and field they name.
 */

export type DelegateField =
  'name' | 'function' | 'email' | 'workingLanguages' | 'audiences' | 'preferredLanguage';
export type FocalField = 'name' | 'email';

export interface DelegateRow {
  /** Stable across edits and saves: React's list key and how problems find their row. */
  key: string;
  /** The delegate on file; null until the row is saved. */
  id: string | null;
  /** Null until saved. An approved delegate's name and email are the organisers' to change. */
  status: DelegateStatus | null;
  name: string;
  function: string;
  email: string;
  workingLanguages: LanguageCode[];
  audiences: AudienceTag[];
  preferredLanguage: LanguageCode;
}

export interface DelegationValues {
  focalPoint: Record<FocalField, string>;
  delegates: DelegateRow[];
}

/**
 * What to show under one field: a problem worded in the interface's language, or, for a refusal
 * the browser cannot word (a rule only the server knows), the server's own English sentence.
 */
export interface FieldIssue {
  problem?: Problem;
  serverMessage?: string;
}

export interface DelegationProblems {
  focalPoint: Partial<Record<FocalField, FieldIssue>>;
  /** By row key. */
  delegates: Record<string, Partial<Record<DelegateField, FieldIssue>>>;
  /** About the list as a whole (too many delegates). */
  list?: Problem;
}

export const noProblems: DelegationProblems = { focalPoint: {}, delegates: {} };

export function hasProblems(problems: DelegationProblems): boolean {
  return (
    problems.list !== undefined ||
    Object.keys(problems.focalPoint).length > 0 ||
    Object.values(problems.delegates).some((fields) => Object.keys(fields).length > 0)
  );
}

function rowFromDelegate(delegate: DelegationForm['delegates'][number]): DelegateRow {
  return {
    key: delegate.id,
    id: delegate.id,
    status: delegate.status,
    name: delegate.name,
    function: delegate.function,
    email: delegate.email,
    workingLanguages: orderLanguages(delegate.workingLanguages),
    audiences: [...delegate.audiences],
    preferredLanguage: delegate.preferredLanguage,
  };
}

/** The form's values for a delegation as the server has it. */
export function delegationValues(form: DelegationForm): DelegationValues {
  return {
    focalPoint: { name: form.focalPoint.name, email: form.focalPoint.email },
    delegates: form.delegates.map(rowFromDelegate),
  };
}

/**
 * A new, empty delegate. Their language starts as the reader's when the event works in it (the
 * focal point often registers colleagues who share it), otherwise the event's first.
 */
export function newDelegateRow(
  key: string,
  eventLanguages: readonly LanguageCode[],
  readerLanguage: string,
): DelegateRow {
  const preferred =
    eventLanguages.find((code) => code === readerLanguage) ?? eventLanguages[0] ?? 'en';
  return {
    key,
    id: null,
    status: null,
    name: '',
    function: '',
    email: '',
    workingLanguages: [preferred],
    audiences: [],
    preferredLanguage: preferred,
  };
}

/** Approved delegates keep their name and email: only the organisers change those now. */
export function isLocked(row: DelegateRow): boolean {
  return row.status === 'approved';
}

/** A delegate may leave the list unless approved (the organisers remove those). */
export function canRemove(row: DelegateRow): boolean {
  return !isLocked(row);
}

function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Rows whose email an earlier row already gives (case does not matter), each with the 1-based
 * number of that earlier row, as the server's rule (`duplicate_email`) names the second one.
 */
export function duplicateEmails(rows: readonly DelegateRow[]): Map<string, number> {
  const firstRow = new Map<string, number>();
  const duplicates = new Map<string, number>();
  rows.forEach((row, index) => {
    const key = emailKey(row.email);
    if (key === '') return;
    const earlier = firstRow.get(key);
    if (earlier === undefined) firstRow.set(key, index + 1);
    else duplicates.set(row.key, earlier);
  });
  return duplicates;
}

function checkEmail(value: string): Problem | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return { key: 'required' };
  return emailSchema.safeParse(trimmed).success ? undefined : { key: 'invalidEmail' };
}

/** One field of one delegate, by the shared rules; duplicates are found across rows. */
function checkDelegateField(row: DelegateRow, field: DelegateField): Problem | undefined {
  switch (field) {
    case 'name':
      return checkText(row.name, 120);
    case 'function':
      return checkText(row.function, 160, { optional: true });
    case 'email':
      return checkEmail(row.email);
    case 'workingLanguages':
      return row.workingLanguages.length === 0 ? { key: 'noLanguage' } : undefined;
    case 'audiences':
    case 'preferredLanguage':
      return undefined; // chosen from fixed lists: nothing to get wrong in the browser
  }
}

const delegateFields: readonly DelegateField[] = [
  'name',
  'function',
  'email',
  'workingLanguages',
  'audiences',
  'preferredLanguage',
];

function checkFocalField(values: DelegationValues, field: FocalField): Problem | undefined {
  return field === 'name'
    ? checkText(values.focalPoint.name, 120)
    : checkEmail(values.focalPoint.email);
}

function duplicateProblem(earlierRow: number): Problem {
  return { key: 'registration.validation.duplicateEmail', values: { row: earlierRow } };
}

export type CheckedDelegation =
  | { ok: true; request: SaveDelegationRequest; sentKeys: string[] }
  | { ok: false; problems: DelegationProblems };

/** The values as the request PUT /api/registration/:token takes, or every problem found. */
export function checkDelegation(values: DelegationValues): CheckedDelegation {
  const problems: DelegationProblems = { focalPoint: {}, delegates: {} };
  for (const field of ['name', 'email'] as const) {
    const problem = checkFocalField(values, field);
    if (problem) problems.focalPoint[field] = { problem };
  }
  const duplicates = duplicateEmails(values.delegates);
  for (const row of values.delegates) {
    const rowProblems: Partial<Record<DelegateField, FieldIssue>> = {};
    for (const field of delegateFields) {
      const problem = checkDelegateField(row, field);
      if (problem) rowProblems[field] = { problem };
    }
    const earlier = duplicates.get(row.key);
    if (!rowProblems.email && earlier !== undefined) {
      rowProblems.email = { problem: duplicateProblem(earlier) };
    }
    if (Object.keys(rowProblems).length > 0) problems.delegates[row.key] = rowProblems;
  }
  if (values.delegates.length > maxDelegates) {
    problems.list = {
      key: 'registration.validation.tooManyDelegates',
      values: { count: maxDelegates },
    };
  }
  if (hasProblems(problems)) return { ok: false, problems };
  return {
    ok: true,
    sentKeys: values.delegates.map((row) => row.key),
    request: {
      focalPoint: {
        name: cleanText(values.focalPoint.name),
        email: values.focalPoint.email.trim(),
      },
      delegates: values.delegates.map((row) => ({
        ...(row.id ? { id: row.id } : {}),
        name: cleanText(row.name),
        function: cleanText(row.function),
        email: row.email.trim(),
        workingLanguages: orderLanguages(row.workingLanguages),
        audiences: [...row.audiences],
        preferredLanguage: row.preferredLanguage,
      })),
    },
  };
}

/**
 * What the form holds in the shape it would be sent: two sets of values that compare equal here
 * save the same delegation (white space around a name, the order languages were ticked in and
 * the rows' keys do not count).
 */
function comparable(values: DelegationValues): string {
  return JSON.stringify({
    focalPoint: [cleanText(values.focalPoint.name), emailKey(values.focalPoint.email)],
    delegates: values.delegates.map((row) => [
      row.id,
      cleanText(row.name),
      cleanText(row.function),
      row.email.trim(),
      orderLanguages(row.workingLanguages),
      [...row.audiences].sort(),
      row.preferredLanguage,
    ]),
  });
}

/** The form has changes not yet saved (the page warns before they are lost). */
export function isDirty(values: DelegationValues, saved: DelegationValues): boolean {
  return comparable(values) !== comparable(saved);
}

function isFocalField(value: string | undefined): value is FocalField {
  return value === 'name' || value === 'email';
}

function isDelegateField(value: string | undefined): value is DelegateField {
  return delegateFields.some((field) => field === value);
}

/**
 * The server's refusal of a save, onto the fields it names (`details[].path`:
 * `focalPoint.email`, `delegates.2.email`). The row is found by its place in the request that was
 * sent (`sentKeys`), not in the form, which may have changed while the request ran. Each field's
 * problem is worded by checking it again in the browser (the same shared rules): a duplicate
 * email names the earlier row; a rule only the server knows keeps its own sentence.
 */
export function problemsFromSaveError(
  error: unknown,
  sent: DelegationValues,
  sentKeys: readonly string[],
): DelegationProblems {
  const problems: DelegationProblems = { focalPoint: {}, delegates: {} };
  if (!(error instanceof ApiRequestError) || error.code !== 'validation_failed') return problems;
  const duplicates = duplicateEmails(sent.delegates);
  for (const detail of error.details) {
    const [first, second, third] = detail.path.split('.');
    if (first === 'focalPoint' && isFocalField(second)) {
      if (problems.focalPoint[second]) continue;
      const problem = checkFocalField(sent, second);
      problems.focalPoint[second] = problem ? { problem } : { serverMessage: detail.message };
      continue;
    }
    if (first === 'delegates' && second !== undefined && /^\d+$/.test(second)) {
      const key = sentKeys[Number(second)];
      const row = sent.delegates.find((candidate) => candidate.key === key);
      if (!row || key === undefined) continue;
      if (third !== undefined && !isDelegateField(third)) continue;
      // A delegate refused as a whole (no field named): under their name.
      const field: DelegateField = third ?? 'name';
      const rowProblems = (problems.delegates[key] ??= {});
      if (rowProblems[field]) continue;
      const problem = checkDelegateField(row, field);
      const earlier = field === 'email' ? duplicates.get(key) : undefined;
      rowProblems[field] = problem
        ? { problem }
        : earlier !== undefined
          ? { problem: duplicateProblem(earlier) }
          : { serverMessage: detail.message };
      continue;
    }
    if (first === 'delegates') {
      problems.list = {
        key: 'registration.validation.tooManyDelegates',
        values: { count: maxDelegates },
      };
    }
  }
  return problems;
}

/** Clears one field's problem once the person edits it. */
export function withoutProblem(
  problems: DelegationProblems,
  where: { focal: FocalField } | { row: string; field: DelegateField },
): DelegationProblems {
  if ('focal' in where) {
    if (!problems.focalPoint[where.focal]) return problems;
    const { [where.focal]: _cleared, ...rest } = problems.focalPoint;
    return { ...problems, focalPoint: rest };
  }
  const row = problems.delegates[where.row];
  if (!row?.[where.field]) return problems;
  const { [where.field]: _cleared, ...rest } = row;
  return { ...problems, delegates: { ...problems.delegates, [where.row]: rest } };
}
