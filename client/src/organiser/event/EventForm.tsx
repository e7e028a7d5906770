import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConferenceEvent } from '@draftroom/shared';
import { updateEvent } from '../api.ts';
import { serverFieldMessages } from '../apiErrors.ts';
import {
  eventFormValues,
  toUpdateEventRequest,
  type EventField,
  type EventFormValues,
} from '../eventForm.ts';
import type { Problems } from '../formProblems.ts';
import { ApiErrorAlert } from '../ui/ApiErrorAlert.tsx';
import { LanguageCheckboxes } from '../ui/LanguageCheckboxes.tsx';
import { TextField } from '../ui/TextField.tsx';
import { useFocusFirstInvalid } from '../ui/useFocusFirstInvalid.ts';
import { TimeZoneSelect } from './TimeZoneSelect.tsx';

const fields: readonly EventField[] = ['name', 'startsOn', 'endsOn', 'timeZone', 'languages'];

interface EventFormProps {
  event: ConferenceEvent;
  onSaved: () => void;
  /** Any change: the "saved" message no longer describes what is on screen. */
  onEdit: () => void;
}

export function EventForm({ event, onSaved, onEdit }: EventFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<EventFormValues>(() => eventFormValues(event));
  const [problems, setProblems] = useState<Problems<EventField>>({});
  const [apiError, setApiError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState(0);
  const formRef = useFocusFirstInvalid(refused);
  const serverMessages = serverFieldMessages(apiError, fields);

  const change = <Field extends EventField>(field: Field, value: EventFormValues[Field]) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setProblems((previous) => ({ ...previous, [field]: undefined }));
    onEdit();
  };

  const submit = async (formEvent: FormEvent) => {
    formEvent.preventDefault();
    if (busy) return;
    const mapped = toUpdateEventRequest(values);
    setApiError(null);
    if (!mapped.ok) {
      setProblems(mapped.problems);
      setRefused((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await updateEvent(mapped.request);
      setBusy(false);
      onSaved();
    } catch (error) {
      setBusy(false);
      setApiError(error);
    }
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
      {apiError !== null && <ApiErrorAlert error={apiError} />}
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {busy ? t('organiser.common.saving') : t('organiser.event.save')}
        </button>
      </div>
    </form>
  );
}
