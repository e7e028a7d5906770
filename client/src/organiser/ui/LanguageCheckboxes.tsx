import { useTranslation } from 'react-i18next';
import { languageCodes, type LanguageCode } from '@draftroom/shared';
import type { Problem } from '../../ui/form/problems.ts';
import { toggleLanguage, workingLanguageName } from '../languages.ts';
import { CheckboxGroup } from '../../ui/fields/CheckboxGroup.tsx';

interface LanguageCheckboxesProps {
  legend: string;
  hint?: string;
  value: readonly LanguageCode[];
  onChange: (languages: LanguageCode[]) => void;
  /** Only these may be ticked (a session's languages come from its event's). */
  available?: readonly LanguageCode[];
  problem?: Problem;
  serverMessage?: string;
}

export function LanguageCheckboxes({
  legend,
  hint,
  value,
  onChange,
  available,
  problem,
  serverMessage,
}: LanguageCheckboxesProps) {
  const { i18n } = useTranslation();
  // Named in the page's language: these are the event's working languages, not a menu of UIs.
  const options = (
    available ? languageCodes.filter((code) => available.includes(code)) : languageCodes
  ).map((code) => ({
    value: code,
    label: workingLanguageName(code, i18n.language, { standalone: true }),
  }));
  return (
    <CheckboxGroup
      legend={legend}
      hint={hint}
      options={options}
      checked={value}
      onToggle={(code, checked) => onChange(toggleLanguage(value, code, checked))}
      problem={problem}
      serverMessage={serverMessage}
    />
  );
}
