import {
  cleanText,
  emailSchema,
  isCountryCode,
  type StartDelegationRequest,
} from '@draftroom/shared';
import { checkText } from '../organiser/formProblems.ts';
import type { Mapped, Problems } from '../ui/form/problems.ts';

/**
 * The public page's form (and the organiser's "Invite a parliament", which asks the same): a
 * parliament, its country and its focal point.
 */
export interface StartFormValues {
  parliament: string;
  country: string;
  focalName: string;
  focalEmail: string;
}

export type StartField = keyof StartFormValues;
export const startFields: readonly StartField[] = [
  'parliament',
  'country',
  'focalName',
  'focalEmail',
];

export const emptyStartForm: StartFormValues = {
  parliament: '',
  country: '',
  focalName: '',
  focalEmail: '',
};

/** The values as the request both routes take, with the shared rules worded in the browser. */
export function toStartRequest(
  values: StartFormValues,
): Mapped<StartDelegationRequest, StartField> {
  const problems: Problems<StartField> = {};
  const parliament = checkText(values.parliament, 160);
  if (parliament) problems.parliament = parliament;
  // Chosen from a list: nothing chosen (or a code the list never offered) asks for a choice.
  if (!isCountryCode(values.country)) problems.country = { key: 'required' };
  const focalName = checkText(values.focalName, 120);
  if (focalName) problems.focalName = focalName;
  const email = values.focalEmail.trim();
  if (email === '') problems.focalEmail = { key: 'required' };
  else if (!emailSchema.safeParse(email).success) problems.focalEmail = { key: 'invalidEmail' };
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    request: {
      parliament: cleanText(values.parliament),
      country: values.country,
      focalPoint: { name: cleanText(values.focalName), email },
    },
  };
}

/** The server names the request's fields (`focalPoint.email`); the form names its own. */
const fieldOfPath: Record<string, StartField> = {
  parliament: 'parliament',
  country: 'country',
  'focalPoint.name': 'focalName',
  'focalPoint.email': 'focalEmail',
};

/**
 * The server's refusal onto the form's fields, each worded by checking it again in the browser;
 * `serverMessages` keeps the server's own sentence for a rule only it knows.
 */
export function startProblemsFromError(
  details: readonly { path: string; message: string }[],
  values: StartFormValues,
): { problems: Problems<StartField>; serverMessages: Partial<Record<StartField, string>> } {
  const checked = toStartRequest(values);
  const browserProblems = checked.ok ? {} : checked.problems;
  const problems: Problems<StartField> = {};
  const serverMessages: Partial<Record<StartField, string>> = {};
  for (const detail of details) {
    const field = fieldOfPath[detail.path];
    if (!field) continue;
    const problem = browserProblems[field];
    if (problem) problems[field] = problem;
    else serverMessages[field] ??= detail.message;
  }
  return { problems, serverMessages };
}
