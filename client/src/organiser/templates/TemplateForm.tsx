import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  languageCodes,
  type GuideTemplate,
  type LanguageCode,
  type TemplateInput,
} from '@draftroom/shared';
import { TemplateEditor } from '../../editor/TemplateEditor.tsx';
import { callApi } from '../../api/callApi.ts';
import { FieldMessages } from '../../ui/fields/FieldMessages.tsx';
import { fieldIds } from '../../ui/fields/fieldIds.ts';
import { SelectField } from '../../ui/fields/SelectField.tsx';
import { TextField } from '../../ui/fields/TextField.tsx';
import { FormActions } from '../../ui/form/FormActions.tsx';
import { useCheckedForm } from '../../ui/form/useCheckedForm.ts';
import { workingLanguageName } from '../languages.ts';
import {
  copiedTemplateValues,
  newTemplateValues,
  templateFormValues,
  toTemplateInput,
  type TemplateField,
} from '../templateForm.ts';

const fields: readonly TemplateField[] = ['name', 'language', 'content'];

interface TemplateFormProps {
  /** The template to edit; a new one when absent. */
  template?: GuideTemplate;
  /** For a new template: the one it starts as a copy of (the built-in practical guide). */
  copyOf?: GuideTemplate;
  /** A new template's language at first: the interface's. */
  language: LanguageCode;
  onSaved: (template: GuideTemplate) => void;
  onCancel: () => void;
}

/** A template's name, language and content, the content in the guide's own editor. */
export function TemplateForm({ template, copyOf, language, onSaved, onCancel }: TemplateFormProps) {
  const { t, i18n } = useTranslation();
  const contentLabelId = useId();
  const contentIds = useId();
  const { values, problems, apiError, busy, formRef, serverMessages, change, field, submit } =
    useCheckedForm({
      initial: () =>
        template
          ? templateFormValues(template)
          : copyOf
            ? copiedTemplateValues(copyOf)
            : newTemplateValues(language),
      fields,
      check: toTemplateInput,
      send: (request: TemplateInput) =>
        template
          ? callApi('updateTemplate', { params: { templateId: template.id }, body: request })
          : callApi('createTemplate', { body: request }),
      onSaved,
    });

  const content = fieldIds(contentIds, {
    hint: true,
    problem: problems.content,
    serverMessage: serverMessages.content,
  });

  return (
    <form ref={formRef} className="card org-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="org-form-row">
        <TextField
          label={t('organiser.templateForm.name')}
          hint={t('organiser.templateForm.nameHint')}
          {...field('name')}
          maxLength={120}
          required
        />
        <SelectField
          label={t('organiser.templateForm.language')}
          hint={t('organiser.templateForm.languageHint')}
          value={values.language}
          options={languageCodes.map((code) => ({
            value: code,
            label: workingLanguageName(code, i18n.language, { standalone: true }),
          }))}
          onChange={(value) => change('language', value as LanguageCode)}
          serverMessage={serverMessages.language}
        />
      </div>
      <div className="field">
        {/* A label cannot point at an editable region; its id names the editor instead. */}
        <span className="field__label" id={contentLabelId}>
          {t('organiser.templateForm.content')}
        </span>
        <p className="field__hint" id={content.hintId}>
          {t('organiser.templateForm.contentHint')}
        </p>
        <TemplateEditor
          initial={values.content}
          onChange={(content) => change('content', content)}
          labelledBy={contentLabelId}
          describedBy={content.describedBy}
          invalid={content.invalid}
        />
        <FieldMessages
          hintId={content.hintId}
          errorId={content.errorId}
          problem={problems.content}
          serverMessage={serverMessages.content}
        />
      </div>
      <FormActions
        error={apiError}
        busy={busy}
        submitLabel={
          template ? t('organiser.templateForm.save') : t('organiser.templateForm.create')
        }
        busyLabel={t('organiser.common.saving')}
        cancel={{ label: t('organiser.common.cancel'), onClick: onCancel }}
      />
    </form>
  );
}
