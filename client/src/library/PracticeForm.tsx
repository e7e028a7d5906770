import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  audienceTags,
  languageCodes,
  practiceTopics,
  type Practice,
  type PracticeInput,
} from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { countryOptions } from '../countries/countryNames.ts';
import { CheckboxGroup } from '../ui/fields/CheckboxGroup.tsx';
import { SelectField } from '../ui/fields/SelectField.tsx';
import { TextField } from '../ui/fields/TextField.tsx';
import { FormActions } from '../ui/form/FormActions.tsx';
import { useCheckedForm } from '../ui/form/useCheckedForm.ts';
import { useLibraryLabels } from './labels.ts';
import { practiceFormFields, toPracticeInput, type PracticeFormValues } from './practiceForm.ts';
import { PracticeLinksField } from './PracticeLinksField.tsx';
import { PracticeSectionField } from './PracticeSectionField.tsx';

interface PracticeFormProps {
  initial: PracticeFormValues;
  /** The practice being edited (its revision is sent with the changes); absent for a new one. */
  practice?: Practice;
  /** Organisers name the parliament and country; a delegate's are their own, shown read-only. */
  ownerEditable: boolean;
  onSaved: (practice: Practice) => void;
  onCancel: () => void;
}

function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((item) => item !== value), value] : list.filter((i) => i !== value);
}

/** A practice's record as a form: the fields, the three sections in the editor, links, contact. */
export function PracticeForm({
  initial,
  practice,
  ownerEditable,
  onSaved,
  onCancel,
}: PracticeFormProps) {
  const { t, i18n } = useTranslation();
  const labels = useLibraryLabels();
  const form = useCheckedForm({
    initial,
    fields: practiceFormFields,
    check: (values: PracticeFormValues) => toPracticeInput(values, ownerEditable),
    send: (request: PracticeInput) =>
      practice
        ? callApi('updatePractice', {
            params: { practiceId: practice.id },
            body: { ...request, revision: practice.revision },
          })
        : callApi('submitPractice', { body: request }),
    onSaved,
  });
  const { values, problems, serverMessages, change, field, formRef } = form;

  // The server refused a field the browser let through: go to the first one it named.
  const refusedFields = Object.keys(serverMessages).join();
  useEffect(() => {
    if (refusedFields === '') return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusedFields, formRef]);

  return (
    <form
      ref={formRef}
      className="card org-form practice-form"
      onSubmit={(event) => void form.submit(event)}
      noValidate
    >
      <TextField label={t('library.form.title')} {...field('title')} maxLength={200} required />
      <div className="org-form-row">
        <TextField
          label={t('library.form.parliament')}
          hint={ownerEditable ? undefined : t('library.form.ownerHint')}
          {...field('parliament')}
          readOnly={!ownerEditable}
          maxLength={120}
        />
        {ownerEditable ? (
          <SelectField
            label={t('library.form.country')}
            placeholder={t('library.form.chooseCountry')}
            options={countryOptions(i18n.language).map((o) => ({ value: o.code, label: o.name }))}
            {...field('country')}
          />
        ) : (
          <TextField
            label={t('library.form.country')}
            value={values.country ? labels.country(values.country) : ''}
            onChange={() => undefined}
            readOnly
          />
        )}
      </div>
      <CheckboxGroup
        legend={t('library.form.audiences')}
        options={audienceTags.map((tag) => ({ value: tag, label: labels.audience(tag) }))}
        checked={values.audiences}
        onToggle={(tag, on) => change('audiences', toggled(values.audiences, tag, on))}
        problem={problems.audiences}
        serverMessage={serverMessages.audiences}
      />
      <CheckboxGroup
        legend={t('library.form.topics')}
        options={practiceTopics.map((topic) => ({ value: topic, label: labels.topic(topic) }))}
        checked={values.topics}
        onToggle={(topic, on) => change('topics', toggled(values.topics, topic, on))}
        problem={problems.topics}
        serverMessage={serverMessages.topics}
      />
      <TextField
        label={t('library.form.summary')}
        hint={t('library.form.summaryHint')}
        {...field('summary')}
        multiline
        maxLength={1000}
        required
      />
      {(['whatWasDone', 'results', 'lessons'] as const).map((section) => (
        <PracticeSectionField
          key={section}
          label={t(`library.fields.${section}`)}
          hint={t(`library.form.hints.${section}`)}
          initial={values[section]}
          onChange={(content) => change(section, content)}
          problem={problems[section]}
          serverMessage={serverMessages[section]}
        />
      ))}
      <fieldset className="practice-contact">
        <legend>{t('library.form.contact')}</legend>
        <p className="field__hint">{t('library.form.contactHint')}</p>
        <div className="org-form-row">
          <TextField
            label={t('library.form.contactName')}
            value={values.contactName}
            onChange={(value) => form.update({ contactName: value }, 'contact')}
            problem={problems.contact}
            serverMessage={serverMessages.contact}
            maxLength={120}
            autoComplete="name"
          />
          <TextField
            label={t('library.form.contactEmail')}
            type="email"
            value={values.contactEmail}
            onChange={(value) => form.update({ contactEmail: value }, 'contact')}
            autoComplete="email"
          />
        </div>
      </fieldset>
      <PracticeLinksField {...field('links')} />
      <CheckboxGroup
        legend={t('library.form.languages')}
        options={languageCodes.map((code) => ({ value: code, label: labels.language(code) }))}
        checked={values.languages}
        onToggle={(code, on) => change('languages', toggled(values.languages, code, on))}
        problem={problems.languages}
        serverMessage={serverMessages.languages}
      />
      {/* A 409 `practice_stale` is said here; the form keeps what the person wrote. */}
      <FormActions
        error={form.apiError}
        busy={form.busy}
        submitLabel={practice ? t('library.form.save') : t('library.form.submit')}
        busyLabel={t('library.form.saving')}
        cancel={{ label: t('library.form.cancel'), onClick: onCancel }}
      />
    </form>
  );
}
