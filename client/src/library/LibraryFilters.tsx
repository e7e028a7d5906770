import { useTranslation } from 'react-i18next';
import {
  audienceTags,
  languageCodes,
  practiceTopics,
  regionCodes,
  type PracticeStatus,
} from '@draftroom/shared';
import { countryOptions } from '../countries/countryNames.ts';
import { SelectField } from '../ui/fields/SelectField.tsx';
import { useLibraryLabels } from './labels.ts';
import type { FilterName } from './libraryQuery.ts';

/** The organisers' status filter: what waits for them first. */
const statusOrder: readonly PracticeStatus[] = [
  'submitted',
  'changes-requested',
  'approved',
  'merged',
];

interface LibraryFiltersProps {
  values: Partial<Record<FilterName, string>>;
  onChange: (name: FilterName, value: string) => void;
  onClear: () => void;
  /** The status filter (organisers only: others see approved practices and their own). */
  withStatus: boolean;
}

/**
 * The library's filters as native selects (typing a letter jumps to a choice, in every language).
 * The public index uses the same ones, applied in the browser.
 */
export function LibraryFilters({ values, onChange, onClear, withStatus }: LibraryFiltersProps) {
  const { t, i18n } = useTranslation();
  const labels = useLibraryLabels();
  const any = Object.values(values).some((value) => value);
  return (
    <fieldset className="library-filters">
      <legend>{t('library.filters.legend')}</legend>
      <div className="library-filters__row">
        <SelectField
          label={t('library.filters.audience')}
          value={values.audience ?? ''}
          placeholder={t('library.filters.allAudiences')}
          options={audienceTags.map((tag) => ({ value: tag, label: labels.audience(tag) }))}
          onChange={(value) => onChange('audience', value)}
        />
        <SelectField
          label={t('library.filters.topic')}
          value={values.topic ?? ''}
          placeholder={t('library.filters.allTopics')}
          options={practiceTopics.map((topic) => ({ value: topic, label: labels.topic(topic) }))}
          onChange={(value) => onChange('topic', value)}
        />
        <SelectField
          label={t('library.filters.region')}
          value={values.region ?? ''}
          placeholder={t('library.filters.allRegions')}
          options={regionCodes.map((code) => ({ value: code, label: labels.region(code) }))}
          onChange={(value) => onChange('region', value)}
        />
        <SelectField
          label={t('library.filters.country')}
          value={values.country ?? ''}
          placeholder={t('library.filters.allCountries')}
          options={countryOptions(i18n.language).map((option) => ({
            value: option.code,
            label: option.name,
          }))}
          onChange={(value) => onChange('country', value)}
        />
        <SelectField
          label={t('library.filters.language')}
          value={values.language ?? ''}
          placeholder={t('library.filters.allLanguages')}
          options={languageCodes.map((code) => ({ value: code, label: labels.language(code) }))}
          onChange={(value) => onChange('language', value)}
        />
        {withStatus && (
          <SelectField
            label={t('library.filters.status')}
            value={values.status ?? ''}
            placeholder={t('library.filters.allStatuses')}
            options={statusOrder.map((status) => ({
              value: status,
              label: labels.status(status),
            }))}
            onChange={(value) => onChange('status', value)}
          />
        )}
      </div>
      {any && (
        <button type="button" className="button button--small" onClick={onClear}>
          {t('library.filters.clear')}
        </button>
      )}
    </fieldset>
  );
}
