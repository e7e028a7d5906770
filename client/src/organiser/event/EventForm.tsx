import { useTranslation } from 'react-i18next';
import type { ConferenceEvent, UpdateEventRequest } from '@draftroom/shared';
import { eventFormValues, toUpdateEventRequest, type EventField } from '../eventForm.ts';
import { FormActions } from '../../ui/form/FormActions.tsx';
import { LanguageCheckboxes } from '../ui/LanguageCheckboxes.tsx';
import { TextField } from '../../ui/fields/TextField.tsx';
import { useCheckedForm } from '../../ui/form/useCheckedForm.ts';
import { callApi } from '../../api/callApi.ts';
import { TimeZoneSelect } from './TimeZoneSelect.tsx';

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
  const { values, apiError, busy, formRef, field, submit } = useCheckedForm({
    initial: () => eventFormValues(event),
    fields,
    check: toUpdateEventRequest,
    send: (body: UpdateEventRequest) => callApi('updateEvent', { body }),
    onSaved,
    onEdit,
  });

  return (
    <form ref={formRef} className="card org-form" onSubmit={(e) => void submit(e)} noValidate>
      <TextField label={t('organiser.event.name')} {...field('name')} maxLength={200} required />
      <div className="org-form-row">
        <TextField
          type="date"
          label={t('organiser.event.startsOn')}
          {...field('startsOn')}
          required
        />
        <TextField
          type="date"
          label={t('organiser.event.endsOn')}
          {...field('endsOn')}
          min={values.startsOn || undefined}
          required
        />
      </div>
      <TimeZoneSelect
        changed={values.timeZone !== event.timeZone}
        {...field('timeZone')}
        startsOn={values.startsOn || event.startsOn}
        endsOn={values.endsOn || event.endsOn}
      />
      <LanguageCheckboxes
        legend={t('organiser.event.languages')}
        hint={t('organiser.event.languagesHint')}
        {...field('languages')}
      />
      <TextField
        type="email"
        label={t('organiser.event.contactEmail')}
        hint={t('organiser.event.contactEmailHint')}
        {...field('contactEmail')}
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
