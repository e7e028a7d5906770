import type { SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions } from './countryNames.ts';

type CountrySelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> & {
  value: string;
};

/**
 * A `<select>` of countries named in the page's language; its value is the ISO 3166 code the
 * server stores. A native select: typing a name's first letters jumps to it, in every language.
 */
export function CountrySelect({ value, ...props }: CountrySelectProps) {
  const { t, i18n } = useTranslation();
  return (
    <select value={value} {...props}>
      <option value="">{t('profile.countryChoose')}</option>
      {countryOptions(i18n.language).map((option) => (
        <option key={option.code} value={option.code}>
          {option.name}
        </option>
      ))}
    </select>
  );
}
