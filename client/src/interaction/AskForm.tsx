import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { maxQuestionLength, type AskQuestionRequest, type Question } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { TextField } from '../ui/fields/TextField.tsx';
import { FormActions } from '../ui/form/FormActions.tsx';
import { useCheckedForm } from '../ui/form/useCheckedForm.ts';
import { checkQuestion, type AskValues } from './askQuestionForm.ts';

/**
 * "Ask a question": the text and whether to hide one's name from the audience. The organisers
 * still see it, and the checkbox says so, so nobody believes they are anonymous to everyone.
 */
export function AskForm({
  sessionId,
  onAsked,
}: {
  sessionId: string;
  onAsked: (question: Question) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const hintId = useId();
  const { values, apiError, busy, formRef, field, submit, update } = useCheckedForm({
    initial: (): AskValues => ({ text: '', anonymous: false }),
    fields: ['text'] as const,
    check: checkQuestion,
    send: (body: AskQuestionRequest) => callApi('askQuestion', { params: { sessionId }, body }),
    onSaved: (question: Question) => {
      update({ text: '' }, 'text');
      onAsked(question);
    },
  });
  return (
    <form
      ref={formRef}
      className="questions-ask"
      aria-labelledby={headingId}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3 id={headingId}>{t('questions.ask.heading')}</h3>
      <TextField
        label={t('questions.ask.label')}
        hint={t('questions.ask.hint', { max: maxQuestionLength })}
        {...field('text')}
        multiline
        required
        maxLength={maxQuestionLength}
      />
      <div className="questions-ask__anonymous">
        <input
          id={`${headingId}-anonymous`}
          type="checkbox"
          checked={values.anonymous}
          aria-describedby={hintId}
          onChange={(event) => update({ anonymous: event.target.checked }, 'text')}
        />
        <div>
          <label htmlFor={`${headingId}-anonymous`}>{t('questions.ask.anonymous')}</label>
          <p className="field__hint" id={hintId}>
            {t('questions.ask.anonymousHint')}
          </p>
        </div>
      </div>
      <FormActions
        error={apiError}
        busy={busy}
        submitLabel={t('questions.ask.submit')}
        busyLabel={t('questions.ask.busy')}
      />
    </form>
  );
}
