import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  audienceTags,
  sessionKinds,
  type ConferenceEvent,
  type ConferenceSession,
  type SessionInput,
} from '@draftroom/shared';
import { orderLanguages } from '../languages.ts';
import {
  newSessionValues,
  outsideEventDays,
  sessionFormValues,
  toSessionInput,
  type SessionField,
  type SessionFormValues,
} from '../sessionForm.ts';
import { FormActions } from '../../ui/form/FormActions.tsx';
import { CheckboxGroup } from '../../ui/fields/CheckboxGroup.tsx';
import { LanguageCheckboxes } from '../ui/LanguageCheckboxes.tsx';
import { RadioGroup } from '../../ui/fields/RadioGroup.tsx';
import { TextField } from '../../ui/fields/TextField.tsx';
import { useCheckedForm } from '../../ui/form/useCheckedForm.ts';
import { callApi } from '../../api/callApi.ts';
import { SessionTimes } from './SessionTimes.tsx';
import { TemplateChoice } from './TemplateChoice.tsx';

const fields: readonly SessionField[] = [
  'title',
  'description',
  'kind',
  'audience',
  'startsAt',
  'endsAt',
  'languages',
  'selfSelect',
  'templateId',
];

interface SessionFormProps {
  event: ConferenceEvent;
  /** The session to edit; a new one when absent. */
  session?: ConferenceSession;
  onSaved: (session: ConferenceSession) => void;
  onCancel: () => void;
}

export function SessionForm({ event, session, onSaved, onCancel }: SessionFormProps) {
  const { t } = useTranslation();
  const selfSelectHintId = useId();
  const { values, problems, apiError, busy, formRef, serverMessages, change, field, submit } =
    useCheckedForm({
      initial: () =>
        session ? sessionFormValues(session, event.timeZone) : newSessionValues(event),
      fields,
      check: (checked: SessionFormValues) => toSessionInput(checked, event.timeZone),
      send: (request: SessionInput) =>
        session
          ? callApi('updateSession', { params: { sessionId: session.id }, body: request })
          : callApi('createSession', { body: request }),
      onSaved,
    });

  // Worth a warning, not a refusal: a pre-conference briefing may well come before day one.
  const mapped = toSessionInput(values, event.timeZone);
  const outside = mapped.ok && outsideEventDays(mapped.request, event);

  // A session keeps a language its event has since dropped, so it can still be unticked.
  const availableLanguages = orderLanguages([
    ...new Set([...event.languages, ...(session?.languages ?? [])]),
  ]);

  return (
    <form ref={formRef} className="card org-form" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        label={t('organiser.sessionForm.title')}
        {...field('title')}
        maxLength={200}
        required
      />
      <TextField
        multiline
        label={t('organiser.sessionForm.description')}
        hint={t('organiser.sessionForm.descriptionHint')}
        {...field('description')}
        maxLength={4000}
      />
      <RadioGroup
        legend={t('organiser.sessionForm.kind')}
        name="kind"
        value={values.kind}
        onChange={(kind) => change('kind', kind)}
        options={sessionKinds.map((kind) => ({
          value: kind,
          label: t(`organiser.kinds.${kind}`),
          description: t(`organiser.kindDescriptions.${kind}`),
        }))}
      />
      <CheckboxGroup
        legend={t('organiser.sessionForm.audience')}
        hint={t('organiser.sessionForm.audienceHint')}
        options={audienceTags.map((tag) => ({ value: tag, label: t(`organiser.audience.${tag}`) }))}
        checked={values.audience}
        onToggle={(tag, checked) =>
          change(
            'audience',
            checked ? [...values.audience, tag] : values.audience.filter((other) => other !== tag),
          )
        }
      />
      <SessionTimes
        timeZone={event.timeZone}
        eventDays={event}
        startsAt={values.startsAt}
        endsAt={values.endsAt}
        onChange={change}
        problems={problems}
        serverMessages={serverMessages}
        outsideEventDays={outside}
      />
      <LanguageCheckboxes
        legend={t('organiser.sessionForm.languages')}
        hint={t('organiser.sessionForm.languagesHint')}
        available={availableLanguages}
        {...field('languages')}
      />
      {values.kind === 'co-creation' && (
        <div className="field org-field--checkbox">
          <label className="org-choice">
            <input
              type="checkbox"
              checked={values.selfSelect}
              onChange={(e) => change('selfSelect', e.target.checked)}
              aria-describedby={selfSelectHintId}
            />
            <span>{t('organiser.sessionForm.selfSelect')}</span>
          </label>
          <p className="field__hint" id={selfSelectHintId}>
            {t('organiser.sessionForm.selfSelectHint')}
          </p>
        </div>
      )}
      {values.kind === 'co-creation' && <TemplateChoice {...field('templateId')} />}
      <FormActions
        error={apiError}
        busy={busy}
        submitLabel={session ? t('organiser.sessionForm.save') : t('organiser.sessionForm.create')}
        busyLabel={t('organiser.common.saving')}
        cancel={{ label: t('organiser.common.cancel'), onClick: onCancel }}
      />
    </form>
  );
}
