import { useTranslation } from 'react-i18next';
import type { ConferenceEvent, UpdateEventRequest } from '@draftroom/shared';
import {
  eventFormValues,
  toUpdateEventRequest,
  type EventField,
  type EventFormValues,
} from '../eventForm.ts';
import { FormActions } from '../../ui/form/FormActions.tsx';
import { LanguageCheckboxes } from '../ui/LanguageCheckboxes.tsx';
import { TextField } from '../../ui/fields/TextField.tsx';
import { useCheckedForm } from '../../ui/form/useCheckedForm.ts';
import { TimeZoneSelect } from './TimeZoneSelect.tsx';
import { callApi } from '../../api/callApi.ts';

const fields: readonly EventField[] = [
  'name',
  'startsOn',
  'endsOn',
  'timeZone',
  'languages',
  'contactEmail',
];

interface EventFormProps {
  event: ConferenceEvent;
  onSaved: () => void;
  /** Any change: the "saved" message no longer describes what is on screen. */
  onEdit: () => void;
}

export function EventForm({ event, onSaved, onEdit }: EventFormProps) {
  const { t } = useTranslation();
  const form = useCheckedForm({
    initial: () => eventFormValues(event),
    fields,
    check: toUpdateEventRequest,
    send: (body: UpdateEventRequest) => callApi('updateEvent', { body }),
    onSaved,
  });
  const { values, problems, apiError, busy, formRef, serverMessages, submit } = form;

  const change = <Field extends EventField>(field: Field, value: EventFormValues[Field]) => {
    form.change(field, value);
    onEdit();
  };

  return (
    <form ref={formRef} className="card org-form" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        label={t('organiser.event.name')}
        value={values.name}
        onChange={(value) => change('name', value)}
        problem={problems.name}
        serverMessage={serverMessages.name}
        maxLength={200}
        required
      />
      <div className="org-form-row">
        <TextField
          type="date"
          label={t('organiser.event.startsOn')}
          value={values.startsOn}
          onChange={(value) => change('startsOn', value)}
          problem={problems.startsOn}
          serverMessage={serverMessages.startsOn}
          required
        />
        <TextField
          type="date"
          label={t('organiser.event.endsOn')}
          value={values.endsOn}
          min={values.startsOn || undefined}
          onChange={(value) => change('endsOn', value)}
          problem={problems.endsOn}
          serverMessage={serverMessages.endsOn}
          required
        />
      </div>
      <TimeZoneSelect
        changed={values.timeZone !== event.timeZone}
        value={values.timeZone}
        startsOn={values.startsOn || event.startsOn}
        endsOn={values.endsOn || event.endsOn}
        onChange={(value) => change('timeZone', value)}
        problem={problems.timeZone}
        serverMessage={serverMessages.timeZone}
      />
      <LanguageCheckboxes
        legend={t('organiser.event.languages')}
        hint={t('organiser.event.languagesHint')}
        value={values.languages}
        onChange={(languages) => change('languages', languages)}
        problem={problems.languages}
        serverMessage={serverMessages.languages}
      />
      <TextField
        type="email"
        label={t('organiser.event.contactEmail')}
        hint={t('organiser.event.contactEmailHint')}
        value={values.contactEmail}
        onChange={(value) => change('contactEmail', value)}
        problem={problems.contactEmail}
        serverMessage={serverMessages.contactEmail}
        maxLength={254}
      />
      <FormActions
        error={apiError}
        busy={busy}
        submitLabel={t('organiser.event.save')}
        busyLabel={t('organiser.common.saving')}
      />
    </form>
  );
}
