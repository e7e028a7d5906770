import { useTranslation } from 'react-i18next';
import type { LanguageCode } from '@draftroom/shared';
import { CountrySelect } from '../countries/CountrySelect.tsx';
import { languageNames } from '../i18n/languages.ts';
import {
  maxNameLength,
  maxParliamentLength,
  type ProfileErrors,
  type ProfileField,
  type ProfileValues,
} from './profileForm.ts';

interface ProfileFieldsProps {
  /** From the form's `useId()`; each input's id is `${idPrefix}-${field}` (to focus errors). */
  idPrefix: string;
  values: ProfileValues;
  errors: ProfileErrors;
  languages: readonly LanguageCode[];
  onChange: <F extends ProfileField>(field: F, value: ProfileValues[F]) => void;
}

export function profileFieldId(idPrefix: string, field: ProfileField): string {
  return `${idPrefix}-${field}`;
}

/**
 * The fields a person fills in about themselves: on the join page and in the profile dialog.
 * Each error sits under its field, is tied to it with `aria-describedby`, and says what to enter.
 */
export function ProfileFields({
  idPrefix,
  values,
  errors,
  languages,
  onChange,
}: ProfileFieldsProps) {
  const { t, i18n } = useTranslation();
  const id = (field: ProfileField) => profileFieldId(idPrefix, field);
  const describedBy = (field: ProfileField, hint: boolean) =>
    [hint ? `${id(field)}-hint` : '', errors[field] ? `${id(field)}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  const error = (field: ProfileField, message: string) => {
    const problem = errors[field];
    if (problem === undefined) return null;
    return (
      <p className="field__error" id={`${id(field)}-error`}>
        {problem === true ? message : t(`profile.textProblems.${problem}`)}
      </p>
    );
  };

  return (
    <>
      <div className="field">
        <label htmlFor={id('displayName')}>{t('profile.nameLabel')}</label>
        <p className="field__hint" id={`${id('displayName')}-hint`}>
          {t('profile.nameHint')}
        </p>
        <input
          id={id('displayName')}
          type="text"
          dir="auto"
          autoComplete="name"
          maxLength={maxNameLength}
          value={values.displayName}
          onChange={(event) => onChange('displayName', event.target.value)}
          aria-invalid={errors.displayName !== undefined}
          aria-describedby={describedBy('displayName', true)}
          required
        />
        {error('displayName', t('profile.errors.displayName', { count: maxNameLength }))}
      </div>

      <div className="field">
        <label htmlFor={id('parliament')}>{t('profile.parliamentLabel')}</label>
        <p className="field__hint" id={`${id('parliament')}-hint`}>
          {t('profile.parliamentHint')}
        </p>
        <input
          id={id('parliament')}
          type="text"
          dir="auto"
          autoComplete="organization"
          maxLength={maxParliamentLength}
          value={values.parliament}
          onChange={(event) => onChange('parliament', event.target.value)}
          aria-invalid={errors.parliament !== undefined}
          aria-describedby={describedBy('parliament', true)}
          required
        />
        {error('parliament', t('profile.errors.parliament', { count: maxParliamentLength }))}
      </div>

      <div className="field">
        <label htmlFor={id('country')}>{t('profile.countryLabel')}</label>
        <CountrySelect
          id={id('country')}
          autoComplete="country"
          value={values.country}
          onChange={(event) => onChange('country', event.target.value)}
          aria-invalid={errors.country !== undefined}
          aria-describedby={describedBy('country', false)}
          required
        />
        {error('country', t('profile.errors.country'))}
      </div>

      <div className="field">
        <label htmlFor={id('preferredLanguage')}>{t('profile.languageLabel')}</label>
        <p className="field__hint" id={`${id('preferredLanguage')}-hint`}>
          {t('profile.languageHint')}
        </p>
        <select
          id={id('preferredLanguage')}
          value={values.preferredLanguage}
          onChange={(event) =>
            onChange('preferredLanguage', event.target.value as ProfileValues['preferredLanguage'])
          }
          aria-invalid={errors.preferredLanguage !== undefined}
          aria-describedby={describedBy('preferredLanguage', true)}
        >
          {languages.map((language) => (
            // Each language named in itself, as in the language menu.
            <option key={language} value={language} lang={language} dir={i18n.dir(language)}>
              {languageNames[language]}
            </option>
          ))}
        </select>
        {error('preferredLanguage', t('profile.errors.preferredLanguage'))}
      </div>

      <div className="field">
        <label htmlFor={id('email')}>{t('profile.emailLabel')}</label>
        <p className="field__hint" id={`${id('email')}-hint`}>
          {t('profile.emailHint')}
        </p>
        <input
          id={id('email')}
          type="email"
          dir="ltr"
          autoComplete="email"
          value={values.email}
          onChange={(event) => onChange('email', event.target.value)}
          aria-invalid={errors.email !== undefined}
          aria-describedby={describedBy('email', true)}
        />
        {error('email', t('profile.errors.email'))}
      </div>
    </>
  );
}
