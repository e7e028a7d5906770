import { useTranslation } from 'react-i18next';
import { audienceTags, type AudienceTag, type LanguageCode } from '@draftroom/shared';
import { LanguageCheckboxes } from '../organiser/ui/LanguageCheckboxes.tsx';
import { workingLanguageName } from '../organiser/languages.ts';
import { CheckboxGroup } from '../ui/fields/CheckboxGroup.tsx';
import { SelectField } from '../ui/fields/SelectField.tsx';
import { TextField } from '../ui/fields/TextField.tsx';
import {
  isLocked,
  type DelegateField,
  type DelegateRow,
  type FieldIssue,
} from './delegationForm.ts';

interface DelegateFieldsProps {
  row: DelegateRow;
  /** 1-based, as the person counts the rows (and as a duplicate email names them). */
  number: number;
  eventLanguages: readonly LanguageCode[];
  problems: Partial<Record<DelegateField, FieldIssue>> | undefined;
  onChange: (patch: Partial<DelegateRow>, field: DelegateField) => void;
  /** Absent for a delegate who cannot be removed (approved). */
  onRemove?: () => void;
}

/**
 * One delegate of the delegation: who they are, the languages they work in, the audiences whose
 * sessions interest them, and the language they are written to. An approved delegate's name and
 * email are shown but not editable: the organisers change those now.
 */
export function DelegateFields({
  row,
  number,
  eventLanguages,
  problems,
  onChange,
  onRemove,
}: DelegateFieldsProps) {
  const { t, i18n } = useTranslation();
  const locked = isLocked(row);
  const status = row.status ?? 'unsaved';
  const name = row.name.trim();

  return (
    <fieldset className="delegate" data-row-key={row.key} data-testid="delegate-row">
      <legend className="delegate__legend">
        {t('registration.delegate.legend', { number })}
        {name !== '' && (
          <>
            {': '}
            <bdi>{name}</bdi>
          </>
        )}
      </legend>
      <p className={`delegate__status delegate__status--${status}`}>
        {t(`registration.delegate.status.${status}`)}
      </p>
      <div className="delegate__row">
        <TextField
          label={t('registration.delegate.name')}
          value={row.name}
          onChange={(value) => onChange({ name: value }, 'name')}
          readOnly={locked}
          hint={locked ? t('registration.delegate.lockedHint') : undefined}
          maxLength={120}
          autoComplete="off"
          {...problems?.name}
        />
        <TextField
          label={t('registration.delegate.function')}
          hint={t('registration.delegate.functionHint')}
          value={row.function}
          onChange={(value) => onChange({ function: value }, 'function')}
          maxLength={160}
          {...problems?.function}
        />
        <TextField
          type="email"
          label={t('registration.delegate.email')}
          value={row.email}
          onChange={(value) => onChange({ email: value }, 'email')}
          readOnly={locked}
          hint={locked ? t('registration.delegate.lockedHint') : undefined}
          maxLength={254}
          {...problems?.email}
        />
      </div>
      <LanguageCheckboxes
        legend={t('registration.delegate.workingLanguages')}
        available={eventLanguages}
        value={row.workingLanguages}
        onChange={(workingLanguages) => onChange({ workingLanguages }, 'workingLanguages')}
        {...problems?.workingLanguages}
      />
      <CheckboxGroup<AudienceTag>
        legend={t('registration.delegate.audiences')}
        hint={t('registration.delegate.audiencesHint')}
        options={audienceTags.map((tag) => ({ value: tag, label: t(`audience.${tag}`) }))}
        checked={row.audiences}
        onToggle={(tag, checked) =>
          onChange(
            {
              audiences: checked
                ? audienceTags.filter((each) => each === tag || row.audiences.includes(each))
                : row.audiences.filter((each) => each !== tag),
            },
            'audiences',
          )
        }
        {...problems?.audiences}
      />
      <SelectField
        label={t('registration.delegate.preferredLanguage')}
        hint={t('registration.delegate.preferredLanguageHint')}
        value={row.preferredLanguage}
        options={eventLanguages.map((code) => ({
          value: code,
          label: workingLanguageName(code, i18n.language, { standalone: true }),
        }))}
        onChange={(value) =>
          onChange({ preferredLanguage: value as LanguageCode }, 'preferredLanguage')
        }
        {...problems?.preferredLanguage}
      />
      {onRemove && (
        <button type="button" className="button button--small delegate__remove" onClick={onRemove}>
          {t('registration.delegate.remove', { number })}
          {name !== '' && (
            <span className="visually-hidden">
              {' '}
              <bdi>{name}</bdi>
            </span>
          )}
        </button>
      )}
    </fieldset>
  );
}
