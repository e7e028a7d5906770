import {
  profileSchema,
  textProblemOf,
  type LanguageCode,
  type TextProblem,
} from '@draftroom/shared';
import { ApiRequestError } from '../api/client.ts';
import type { Mapped } from '../ui/form/problems.ts';

/** What the join form and the profile dialog edit, as the inputs hold it (strings). */
export interface ProfileValues {
  displayName: string;
  parliament: string;
  country: string;
  preferredLanguage: LanguageCode;
  email: string;
}

export type ProfileField = keyof ProfileValues;
export const profileFields = [
  'displayName',
  'parliament',
  'country',
  'preferredLanguage',
  'email',
] as const satisfies readonly ProfileField[];

/**
 * Fields with a problem. The message shown is ours, translated, never the server's English: the
 * field's own ("enter your name…"), or the shared text rule a name broke (`personText`).
 */
export type ProfileErrors = Partial<Record<ProfileField, true | TextProblem>>;

export const maxNameLength = profileSchema.shape.displayName.maxLength ?? 80;
export const maxParliamentLength = profileSchema.shape.parliament.maxLength ?? 120;

function isProfileField(name: string): name is ProfileField {
  return (profileFields as readonly string[]).includes(name);
}

/**
 * Which fields the server's validation details point at. Their paths name the field, possibly
 * with a prefix ("body.country", "/email"), so the last segment is what counts.
 */
export function errorsFromDetails(details: readonly { path: string }[]): ProfileErrors {
  const errors: ProfileErrors = {};
  for (const { path } of details) {
    const field = path.split(/[./]/).filter(Boolean).pop() ?? '';
    if (isProfileField(field)) errors[field] = true;
  }
  return errors;
}

/** A profile that passed the shared schema, normalised as the server stores it. */
export type CheckedProfile = ReturnType<typeof profileSchema.parse>;

export type ProfileCheck =
  { ok: true; profile: CheckedProfile } | { ok: false; errors: ProfileErrors };

/** The same rules as the server (the shared schema), checked before sending. */
export function checkProfile(values: ProfileValues): ProfileCheck {
  const result = profileSchema.safeParse(values);
  if (result.success) return { ok: true, profile: result.data };
  const errors = errorsFromDetails(
    result.error.issues.map((issue) => ({ path: issue.path.join('.') })),
  );
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    const problem = textProblemOf(issue);
    if (problem && isProfileField(field)) errors[field] = problem;
  }
  return { ok: false, errors };
}

/** `checkProfile` in the shape `useCheckedForm` takes. */
export function toProfileRequest(
  values: ProfileValues,
): Mapped<CheckedProfile, ProfileField, true | TextProblem> {
  const checked = checkProfile(values);
  return checked.ok
    ? { ok: true, request: checked.profile }
    : { ok: false, problems: checked.errors };
}

/**
 * A refusal the fields can explain: the server's validation details, shown next to the fields
 * they name, in our words. Anything else is left to the form's alert.
 */
export function profileErrorsFromRefusal(error: unknown): ProfileErrors {
  return error instanceof ApiRequestError && error.code === 'validation_failed'
    ? errorsFromDetails(error.details)
    : {};
}

export function firstFieldWithError(errors: ProfileErrors): ProfileField | undefined {
  return profileFields.find((field) => errors[field]);
}
