import { useState, type FormEvent } from 'react';
import { ApiRequestError } from '../api/client.ts';
import { profileFieldId } from './ProfileFields.tsx';
import {
  checkProfile,
  errorsFromDetails,
  firstFieldWithError,
  type ProfileErrors,
  type ProfileField,
  type ProfileValues,
} from './profileForm.ts';

type CheckedProfile = Extract<ReturnType<typeof checkProfile>, { ok: true }>['profile'];

/**
 * State and submit logic shared by the join form and the profile dialog: check with the shared
 * schema, send, and turn the server's validation details into errors next to the fields. Focus
 * goes to the first field with a problem, so its message is read out with it.
 */
export function useProfileForm(
  initial: ProfileValues,
  idPrefix: string,
  send: (profile: CheckedProfile) => Promise<void>,
) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ProfileErrors>({});
  const [busy, setBusy] = useState(false);
  const [apiError, setApiError] = useState<unknown>(null);

  const showErrors = (found: ProfileErrors) => {
    setErrors(found);
    const first = firstFieldWithError(found);
    // After React has rendered the messages, so the field is announced with its error.
    if (first) setTimeout(() => document.getElementById(profileFieldId(idPrefix, first))?.focus());
  };

  const setField = <F extends ProfileField>(field: F, value: ProfileValues[F]) => {
    setValues((current) => ({ ...current, [field]: value }));
    // The message goes once the person starts fixing the field.
    setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setApiError(null);
    const checked = checkProfile(values);
    if (!checked.ok) {
      showErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await send(checked.profile);
    } catch (error) {
      const fieldErrors =
        error instanceof ApiRequestError && error.code === 'validation_failed'
          ? errorsFromDetails(error.details)
          : {};
      if (firstFieldWithError(fieldErrors)) showErrors(fieldErrors);
      else setApiError(error);
    } finally {
      setBusy(false);
    }
  };

  return { values, setField, errors, busy, apiError, submit };
}
