import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  maxPollOptionLength,
  maxPollOptions,
  maxPollQuestionLength,
  minPollOptions,
  pollKinds,
  type CreatePollRequest,
  type Poll,
  type PollKind,
} from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { RadioGroup } from '../ui/fields/RadioGroup.tsx';
import { TextField } from '../ui/fields/TextField.tsx';
import { FormActions } from '../ui/form/FormActions.tsx';
import { useCheckedForm } from '../ui/form/useCheckedForm.ts';
import {
  addOptionRow,
  newPollValues,
  removeOptionRow,
  toCreatePollRequest,
  type PollFormField,
} from './pollLogic.ts';

const fields: readonly PollFormField[] = ['kind', 'question', 'options'];

/**
 * Preparing a poll (moderators): its kind, question and, but for a word cloud, 2–12 options in
 * rows one may add and remove. Checked in the browser by the shared rules first; the poll is a
 * draft, seen by the moderators only, until opened.
 */
export function PollForm({
  sessionId,
  onCreated,
}: {
  sessionId: string;
  onCreated: (poll: Poll) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const optionsErrorId = useId();
  const { values, problems, apiError, busy, formRef, serverMessages, update, change, submit } =
    useCheckedForm({
      initial: newPollValues,
      fields,
      check: toCreatePollRequest,
      send: (body: CreatePollRequest) => callApi('createPoll', { params: { sessionId }, body }),
      onSaved: (poll: Poll) => {
        update(newPollValues(), 'question');
        onCreated(poll);
      },
    });
  const optionsProblem = problems.options && 'rows' in problems.options ? problems.options : null;
  const questionProblem =
    problems.question && 'field' in problems.question ? problems.question.field : undefined;
  const setOptions = (options: string[]) => update({ options }, 'options');

  return (
    <details className="poll-form">
      <summary id={headingId}>{t('polls.form.heading')}</summary>
      <form
        ref={formRef}
        aria-labelledby={headingId}
        onSubmit={(event) => void submit(event)}
        noValidate
      >
        <RadioGroup<PollKind>
          legend={t('polls.form.kind')}
          name="kind"
          value={values.kind}
          onChange={(kind) => change('kind', kind)}
          options={pollKinds.map((kind) => ({ value: kind, label: t(`polls.kinds.${kind}`) }))}
        />
        <TextField
          label={t('polls.form.question')}
          value={values.question}
          onChange={(question) => change('question', question)}
          problem={questionProblem}
          serverMessage={serverMessages.question}
          maxLength={maxPollQuestionLength}
          required
        />
        {values.kind === 'words' ? (
          <p className="field__hint">{t('polls.form.wordsHint')}</p>
        ) : (
          <fieldset
            className="org-choice-group poll-form__options"
            aria-describedby={optionsProblem?.list ? optionsErrorId : undefined}
          >
            <legend>{t('polls.form.options')}</legend>
            <p className="field__hint">
              {t('polls.form.optionsHint', { min: minPollOptions, max: maxPollOptions })}
            </p>
            <ol className="poll-form__rows">
              {values.options.map((option, index) => (
                <li key={index} className="poll-form__row">
                  <TextField
                    label={t('polls.form.option', { number: index + 1 })}
                    value={option}
                    onChange={(text) =>
                      setOptions(values.options.map((old, at) => (at === index ? text : old)))
                    }
                    problem={optionsProblem?.rows[index]}
                    maxLength={maxPollOptionLength}
                  />
                  {values.options.length > minPollOptions && (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setOptions(removeOptionRow(values.options, index))}
                    >
                      {t('polls.form.removeOption', { number: index + 1 })}
                    </button>
                  )}
                </li>
              ))}
            </ol>
            {optionsProblem?.list && (
              <p className="field__error" id={optionsErrorId}>
                {t(`polls.form.${optionsProblem.list}`, { min: minPollOptions })}
              </p>
            )}
            {serverMessages.options && (
              <p className="field__error" lang="en" dir="auto">
                {serverMessages.options}
              </p>
            )}
            {values.options.length < maxPollOptions && (
              <button
                type="button"
                className="button button--small"
                onClick={() => setOptions(addOptionRow(values.options))}
              >
                {t('polls.form.addOption')}
              </button>
            )}
          </fieldset>
        )}
        <FormActions
          error={apiError}
          busy={busy}
          submitLabel={t('polls.form.submit')}
          busyLabel={t('polls.form.busy')}
        />
      </form>
    </details>
  );
}
