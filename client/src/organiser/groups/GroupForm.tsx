import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakoutGroup, GroupInput, LanguageCode } from '@draftroom/shared';
import {
  groupFormValues,
  maxGroupCapacity,
  newGroupValues,
  toGroupInput,
  type GroupField,
} from '../groupForm.ts';
import { workingLanguageName } from '../languages.ts';
import { FormActions } from '../../ui/form/FormActions.tsx';
import { SelectField } from '../../ui/fields/SelectField.tsx';
import { TextField } from '../../ui/fields/TextField.tsx';
import { useCheckedForm } from '../../ui/form/useCheckedForm.ts';
import { callApi } from '../../api/callApi.ts';

const fields: readonly GroupField[] = ['name', 'workingLanguage', 'capacity'];

type GroupFormProps = {
  languages: readonly LanguageCode[];
  onSaved: (group: BreakoutGroup) => void;
  onCancel: () => void;
} & ({ group: BreakoutGroup; sessionId?: never } | { group?: never; sessionId: string });

/** Name, working language and capacity of a group: a new one in a session, or an existing one. */
export function GroupForm({ group, sessionId, languages, onSaved, onCancel }: GroupFormProps) {
  const { t, i18n } = useTranslation();
  const { values, apiError, busy, formRef, serverMessages, change, field, submit } = useCheckedForm(
    {
      initial: () => (group ? groupFormValues(group) : newGroupValues(languages)),
      fields,
      check: toGroupInput,
      send: (request: GroupInput) =>
        group
          ? callApi('updateGroup', { params: { groupId: group.id }, body: request })
          : callApi('createGroup', { params: { sessionId }, body: request }),
      onSaved,
    },
  );

  // The form appears when someone asks for it ("Add a group", "Edit"): start them in it.
  useEffect(() => {
    formRef.current?.querySelector('input')?.focus();
  }, [formRef]);

  // The group's language stays choosable even if the session has since dropped it.
  const languageChoices = [...new Set([...languages, ...(group ? [group.workingLanguage] : [])])];

  return (
    <form
      ref={formRef}
      className="org-form org-form--inline"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <TextField
        label={t('organiser.groupForm.name')}
        {...field('name')}
        maxLength={120}
        required
      />
      <div className="org-form-row">
        <SelectField
          label={t('organiser.groupForm.workingLanguage')}
          value={values.workingLanguage}
          options={languageChoices.map((code) => ({
            value: code,
            label: workingLanguageName(code, i18n.language, { standalone: true }),
          }))}
          onChange={(value) => change('workingLanguage', value as LanguageCode)}
          serverMessage={serverMessages.workingLanguage}
        />
        <TextField
          type="number"
          label={t('organiser.groupForm.capacity')}
          hint={t('organiser.groupForm.capacityHint', { max: maxGroupCapacity })}
          {...field('capacity')}
          min={1}
          max={maxGroupCapacity}
          required
        />
      </div>
      <FormActions
        error={apiError}
        busy={busy}
        submitLabel={group ? t('organiser.groupForm.save') : t('organiser.groupForm.create')}
        busyLabel={t('organiser.common.saving')}
        cancel={{ label: t('organiser.common.cancel'), onClick: onCancel }}
      />
    </form>
  );
}
