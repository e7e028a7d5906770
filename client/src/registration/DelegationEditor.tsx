import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { languageCodes, maxDelegates, type DelegationForm } from '@draftroom/shared';
import { TextField } from '../ui/fields/TextField.tsx';
import { FormActions } from '../ui/form/FormActions.tsx';
import { useProblemText } from '../ui/form/useProblemText.ts';
import { StatusMessage } from '../ui/StatusMessage.tsx';
import { canRemove, hasProblems } from './delegationForm.ts';
import { DelegateFields } from './DelegateFields.tsx';
import { useDelegationEditor } from './useDelegationEditor.ts';

interface DelegationEditorProps {
  token: string;
  form: DelegationForm;
  onSaved: (form: DelegationForm) => void;
  onClosed: () => void;
}

/** The focal point's form: themselves, then each delegate, saved together. */
export function DelegationEditor({ token, form, onSaved, onClosed }: DelegationEditorProps) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const focalHeadingId = useId();
  const delegatesHeadingId = useId();
  const {
    values,
    problems,
    apiError,
    busy,
    dirty,
    status,
    formRef,
    addButtonRef,
    changeFocal,
    changeRow,
    addRow,
    removeRow,
    submit,
  } = useDelegationEditor({ token, form, onSaved, onClosed });
  const eventLanguages = form.eventLanguages.length > 0 ? form.eventLanguages : languageCodes;
  const full = values.delegates.length >= maxDelegates;

  return (
    <form
      ref={formRef}
      className="org-form registration-form"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <section className="card" aria-labelledby={focalHeadingId}>
        <h2 id={focalHeadingId} className="card__title">
          {t('registration.editor.focalHeading')}
        </h2>
        <p className="field__hint">{t('registration.editor.focalHint')}</p>
        <div className="delegate__row">
          <TextField
            label={t('registration.focal.name')}
            value={values.focalPoint.name}
            onChange={(value) => changeFocal('name', value)}
            maxLength={120}
            autoComplete="name"
            {...problems.focalPoint.name}
          />
          <TextField
            type="email"
            label={t('registration.focal.email')}
            value={values.focalPoint.email}
            onChange={(value) => changeFocal('email', value)}
            maxLength={254}
            autoComplete="email"
            {...problems.focalPoint.email}
          />
        </div>
      </section>
      <section className="card" aria-labelledby={delegatesHeadingId}>
        <h2 id={delegatesHeadingId} className="card__title">
          {t('registration.editor.delegatesHeading', { count: values.delegates.length })}
        </h2>
        {values.delegates.length === 0 && (
          <p className="muted">{t('registration.editor.noDelegates')}</p>
        )}
        {values.delegates.map((row, index) => (
          <DelegateFields
            key={row.key}
            row={row}
            number={index + 1}
            eventLanguages={eventLanguages}
            problems={problems.delegates[row.key]}
            onChange={(patch, field) => changeRow(row.key, patch, field)}
            onRemove={canRemove(row) ? () => removeRow(row.key) : undefined}
          />
        ))}
        {problems.list && <p className="field__error">{problemText(problems.list)}</p>}
        <button
          ref={addButtonRef}
          type="button"
          className="button"
          aria-disabled={full}
          onClick={() => {
            if (!full) addRow();
          }}
        >
          {t('registration.editor.add')}
        </button>
        {full && (
          <p className="field__hint">{t('registration.editor.full', { count: maxDelegates })}</p>
        )}
      </section>
      <StatusMessage message={status.message} id={status.id} />
      {hasProblems(problems) && (
        <p className="notice notice--error">{t('registration.editor.checkFields')}</p>
      )}
      {dirty && <p className="registration-unsaved">{t('registration.editor.unsaved')}</p>}
      <FormActions
        error={apiError}
        busy={busy}
        submitLabel={t('registration.editor.save')}
        busyLabel={t('registration.editor.saving')}
      />
    </form>
  );
}
