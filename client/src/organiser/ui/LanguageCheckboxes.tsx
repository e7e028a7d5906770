import { languageCodes, type LanguageCode } from '@draftroom/shared';
import { languageNames } from '../../i18n/languages.ts';
import type { Problem } from '../formProblems.ts';
import { toggleLanguage } from '../languages.ts';
import { CheckboxGroup } from './CheckboxGroup.tsx';

/** The conference languages, each named in itself (so everyone finds theirs). */
export const languageOptions = languageCodes.map((code) => ({
  value: code,
  label: languageNames[code],
  lang: code,
}));

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
  const options = available
    ? languageOptions.filter((option) => available.includes(option.value))
    : languageOptions;
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
