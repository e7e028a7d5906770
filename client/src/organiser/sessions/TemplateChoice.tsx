import { useTranslation } from 'react-i18next';
import { loadTemplates } from '../../api/loaders.ts';
import { useResource } from '../../api/useResource.ts';
import { SelectField } from '../../ui/fields/SelectField.tsx';
import type { Problem } from '../../ui/form/problems.ts';
import { workingLanguageName } from '../languages.ts';
import { templateName } from '../templates/templateName.ts';

interface TemplateChoiceProps {
  /** A template id, or '' for a blank guide. */
  value: string;
  onChange: (value: string) => void;
  problem?: Problem;
  serverMessage?: string;
}

/** Which template a co-creation session's groups start their guides from (or a blank guide). */
export function TemplateChoice({ value, onChange, problem, serverMessage }: TemplateChoiceProps) {
  const { t, i18n } = useTranslation();
  const { state } = useResource(loadTemplates);
  const templates = state.status === 'ready' ? state.data : [];
  const options = [
    { value: '', label: t('organiser.sessionForm.templateBlank') },
    ...templates.map((template) => ({
      value: template.id,
      label: template.language
        ? t('organiser.sessionForm.templateOption', {
            name: template.name,
            language: workingLanguageName(template.language, i18n.language),
          })
        : templateName(template, t),
    })),
  ];
  // Until the list arrives (or if it cannot), the chosen template is still shown, and kept.
  if (!options.some((option) => option.value === value)) {
    options.push({ value, label: t('organiser.common.loading') });
  }
  return (
    <SelectField
      label={t('organiser.sessionForm.template')}
      hint={t('organiser.sessionForm.templateHint')}
      value={value}
      options={options}
      onChange={onChange}
      problem={problem}
      serverMessage={serverMessage}
    />
  );
}
