import { useId, type ReactNode } from 'react';
import { languageCodes } from '@draftroom/shared';
import { FormActions } from '../ui/form/FormActions.tsx';
import { useCheckedForm } from '../ui/form/useCheckedForm.ts';
import { ProfileFields } from './ProfileFields.tsx';
import {
  profileErrorsFromRefusal,
  profileFields,
  toProfileRequest,
  type CheckedProfile,
  type ProfileValues,
} from './profileForm.ts';

interface ProfileFormProps {
  className: string;
  initial: ProfileValues | (() => ProfileValues);
  /** Sends the checked profile; a validation refusal is shown next to the fields it names. */
  send: (profile: CheckedProfile) => Promise<void>;
  submitLabel: string;
  busyLabel: string;
  cancel?: { label: string; onClick: () => void };
  /** More fields, saved by `send` too (the profile dialog's audiences). */
  children?: ReactNode;
}

/** What a person says about themselves, checked and sent: the join form and "Your profile". */
export function ProfileForm({
  className,
  initial,
  send,
  submitLabel,
  busyLabel,
  cancel,
  children,
}: ProfileFormProps) {
  const idPrefix = useId();
  const { values, problems, apiError, busy, formRef, change, submit } = useCheckedForm({
    initial,
    fields: profileFields,
    check: toProfileRequest,
    send,
    problemsFromError: profileErrorsFromRefusal,
  });

  return (
    <form ref={formRef} className={className} onSubmit={(event) => void submit(event)} noValidate>
      <ProfileFields
        idPrefix={idPrefix}
        values={values}
        errors={problems}
        languages={languageCodes}
        onChange={change}
      />
      {children}
      <FormActions
        error={apiError}
        busy={busy}
        submitLabel={submitLabel}
        busyLabel={busyLabel}
        cancel={cancel}
      />
    </form>
  );
}
