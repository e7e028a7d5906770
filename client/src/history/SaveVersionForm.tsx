import { useTranslation } from 'react-i18next';
import {
  cleanText,
  maxVersionLabelLength,
  textProblem,
  type GuideVersion,
  type SaveVersionRequest,
} from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { TextField } from '../ui/fields/TextField.tsx';
import { FormActions } from '../ui/form/FormActions.tsx';
import type { Mapped, Problem } from '../ui/form/problems.ts';
import { useCheckedForm } from '../ui/form/useCheckedForm.ts';

const textProblemKeys = {
  control_character: 'controlCharacter',
  direction_control: 'directionControl',
  no_visible_characters: 'noVisibleCharacters',
} as const;

/** The label, checked by the same rules as the server's (`personText`), worded for people. */
export function checkVersionLabel(values: { label: string }): Mapped<SaveVersionRequest, 'label'> {
  const label = cleanText(values.label);
  let problem: Problem | undefined;
  if (label === '') problem = { key: 'required' };
  else if (label.length > maxVersionLabelLength) {
    problem = { key: 'tooLong', values: { count: maxVersionLabelLength } };
  } else {
    const found = textProblem(label);
    if (found) problem = { key: textProblemKeys[found] };
  }
  return problem ? { ok: false, problems: { label: problem } } : { ok: true, request: { label } };
}

/** "Save version": a label, then the guide as it is now becomes a version everyone can open. */
export function SaveVersionForm({
  guideId,
  onSaved,
}: {
  guideId: string;
  onSaved: (version: GuideVersion) => void;
}) {
  const { t } = useTranslation();
  const { apiError, busy, formRef, field, submit, change } = useCheckedForm({
    initial: { label: '' },
    fields: ['label'] as const,
    check: checkVersionLabel,
    send: (body: SaveVersionRequest) => callApi('saveVersion', { params: { guideId }, body }),
    onSaved: (version: GuideVersion) => {
      change('label', '');
      onSaved(version);
    },
  });
  return (
    <form ref={formRef} className="history-save" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        label={t('history.save.label')}
        hint={t('history.save.hint')}
        {...field('label')}
        maxLength={maxVersionLabelLength}
        required
      />
      <FormActions
        error={apiError}
        busy={busy}
        submitLabel={t('history.save.submit')}
        busyLabel={t('history.save.busy')}
      />
    </form>
  );
}
