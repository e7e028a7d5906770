import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StartDelegationRequest } from '@draftroom/shared';
import { ApiRequestError } from '../api/client.ts';
import { CountrySelect } from '../countries/CountrySelect.tsx';
import { LabelledField } from '../ui/fields/LabelledField.tsx';
import { TextField } from '../ui/fields/TextField.tsx';
import { FormActions } from '../ui/form/FormActions.tsx';
import { useCheckedForm } from '../ui/form/useCheckedForm.ts';
import {
  emptyStartForm,
  startFields,
  startProblemsFromError,
  toStartRequest,
  type StartFormValues,
} from './startForm.ts';

interface StartDelegationFormProps<Saved> {
  send: (request: StartDelegationRequest) => Promise<Saved>;
  onSaved: (saved: Saved) => void;
  submitLabel: string;
  busyLabel: string;
  /** Who fills it in: the focal point ("Your name") or an organiser ("Focal point's name"). */
  filledBy: 'focalPoint' | 'organiser';
}

/**
 * A parliament, its country and its focal point: the public page's form, and the organisers'
 * "Invite a parliament" (the same request, another route).
 */
export function StartDelegationForm<Saved>({
  send,
  onSaved,
  submitLabel,
  busyLabel,
  filledBy,
}: StartDelegationFormProps<Saved>) {
  const { t } = useTranslation();
  // The values a request was made from, to word the server's refusal of it field by field.
  const sentValues = useRef<StartFormValues>(emptyStartForm);
  const { values, field, formRef, submit, problems, serverMessages, change, apiError, busy } =
    useCheckedForm({
      initial: emptyStartForm,
      fields: startFields,
      check: (values: StartFormValues) => {
        sentValues.current = values;
        return toStartRequest(values);
      },
      send,
      onSaved,
      // Fields the server names show its refusal there; anything else stays for the alert.
      problemsFromError: (error) =>
        error instanceof ApiRequestError
          ? startProblemsFromError(error.details, sentValues.current).problems
          : {},
    });
  return (
    <form ref={formRef} className="org-form" onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        label={t('registration.start.parliament')}
        hint={t('registration.start.parliamentHint')}
        maxLength={160}
        autoComplete="organization"
        {...field('parliament')}
      />
      <LabelledField
        text={{
          label: t('registration.start.country'),
          problem: problems.country,
          serverMessage: serverMessages.country,
        }}
      >
        {(ids) => (
          <CountrySelect
            id={ids.inputId}
            value={values.country}
            onChange={(event) => change('country', event.target.value)}
            aria-invalid={ids.invalid}
            aria-describedby={ids.describedBy}
          />
        )}
      </LabelledField>
      <div className="delegate__row">
        <TextField
          label={
            filledBy === 'focalPoint'
              ? t('registration.focal.name')
              : t('registration.invite.focalName')
          }
          maxLength={120}
          autoComplete="name"
          {...field('focalName')}
        />
        <TextField
          type="email"
          label={
            filledBy === 'focalPoint'
              ? t('registration.focal.email')
              : t('registration.invite.focalEmail')
          }
          maxLength={254}
          autoComplete="email"
          {...field('focalEmail')}
        />
      </div>
      <FormActions error={apiError} busy={busy} submitLabel={submitLabel} busyLabel={busyLabel} />
    </form>
  );
}
