import { useTranslation } from 'react-i18next';
import {
  cleanText,
  maxDotVoteItemLength,
  maxDotVoteTitleLength,
  maxDots,
  textProblem,
  type DotVote,
  type DotVoteSource,
  type OpenDotVoteRequest,
} from '@draftroom/shared';
import { ApiRequestError } from '../api/client.ts';
import { callApi } from '../api/callApi.ts';
import { RadioGroup } from '../ui/fields/RadioGroup.tsx';
import { SelectField } from '../ui/fields/SelectField.tsx';
import { TextField } from '../ui/fields/TextField.tsx';
import { FormActions } from '../ui/form/FormActions.tsx';
import type { Mapped, Problem } from '../ui/form/problems.ts';
import { useCheckedForm } from '../ui/form/useCheckedForm.ts';

interface Values {
  title: string;
  source: DotVoteSource;
  section: string;
  dots: string;
}
type Field = 'title' | 'source' | 'section' | 'dots';

function textOf(value: string, max: number, required: boolean): Problem | undefined {
  if (value === '') return required ? { key: 'required' } : undefined;
  if (value.length > max) return { key: 'tooLong', values: { count: max } };
  const found = textProblem(value);
  if (found === 'control_character') return { key: 'controlCharacter' };
  if (found === 'direction_control') return { key: 'directionControl' };
  if (found === 'no_visible_characters') return { key: 'noVisibleCharacters' };
  return undefined;
}

/** The values as the server's schema takes them, worded for people (`personText`'s rules). */
export function checkOpenDotVote(values: Values): Mapped<OpenDotVoteRequest, Field> {
  const title = cleanText(values.title);
  const section = values.source === 'items' ? cleanText(values.section) : '';
  const problems = {
    title: textOf(title, maxDotVoteTitleLength, true),
    section: textOf(section, maxDotVoteItemLength, false),
  };
  if (problems.title || problems.section) return { ok: false, problems };
  return {
    ok: true,
    request: {
      title,
      source: values.source,
      dots: Number(values.dots),
      ...(section ? { section } : {}),
    },
  };
}

/** Why the server would not open it, in the reader's language: the guide's content decides. */
function refusalKey(error: unknown) {
  if (!(error instanceof ApiRequestError) || error.code !== 'conflict') return null;
  const path = error.details?.[0]?.path;
  if (path === 'source') return 'dotVotes.form.refusedCount' as const;
  if (path === 'section') return 'dotVotes.form.refusedSection' as const;
  if (path === 'status') return 'dotVotes.form.refusedOpen' as const;
  return null;
}

/** The facilitator's form: a question, what to vote on, how many dots each person has. */
export function OpenDotVoteForm({
  guideId,
  onOpened,
}: {
  guideId: string;
  onOpened: (vote: DotVote) => void;
}) {
  const { t } = useTranslation();
  const { apiError, busy, formRef, field, submit, change } = useCheckedForm({
    initial: { title: '', source: 'sections', section: '', dots: '3' } as Values,
    fields: ['title', 'source', 'section', 'dots'] as const,
    check: checkOpenDotVote,
    send: (body: OpenDotVoteRequest) => callApi('openDotVote', { params: { guideId }, body }),
    onSaved: (vote: DotVote) => {
      change('title', '');
      onOpened(vote);
    },
  });
  const source = field('source');
  const refusal = refusalKey(apiError);
  return (
    <form ref={formRef} className="dot-vote-form" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        label={t('dotVotes.form.title')}
        hint={t('dotVotes.form.titleHint')}
        {...field('title')}
        maxLength={maxDotVoteTitleLength}
        required
      />
      <RadioGroup
        legend={t('dotVotes.form.source')}
        name="source"
        value={source.value}
        onChange={source.onChange}
        options={[
          { value: 'sections', label: t('dotVotes.form.sections') },
          { value: 'items', label: t('dotVotes.form.items') },
        ]}
      />
      {source.value === 'items' && (
        <TextField
          label={t('dotVotes.form.section')}
          hint={t('dotVotes.form.sectionHint')}
          {...field('section')}
          maxLength={maxDotVoteItemLength}
        />
      )}
      <SelectField
        label={t('dotVotes.form.dots')}
        {...field('dots')}
        options={Array.from({ length: maxDots }, (_, index) => ({
          value: String(index + 1),
          label: t('dotVotes.form.dotsOption', { count: index + 1 }),
        }))}
      />
      {refusal && (
        <p className="notice notice--error" role="alert">
          {t(refusal)}
        </p>
      )}
      <FormActions
        error={refusal ? null : apiError}
        busy={busy}
        submitLabel={t('dotVotes.form.submit')}
        busyLabel={t('dotVotes.form.busy')}
      />
    </form>
  );
}
