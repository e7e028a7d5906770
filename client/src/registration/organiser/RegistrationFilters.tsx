import { useTranslation } from 'react-i18next';
import { audienceTags, delegateStatuses, type Delegation } from '@draftroom/shared';
import { SelectField } from '../../ui/fields/SelectField.tsx';
import {
  isFiltered,
  noFilters,
  regionFilters,
  type RegistrationFilters as Filters,
} from './registrationView.ts';

interface RegistrationFiltersProps {
  delegations: readonly Delegation[];
  filters: Filters;
  onChange: (filters: Filters) => void;
}

/** Narrow the registrations to one parliament, region, audience or status. */
export function RegistrationFilters({ delegations, filters, onChange }: RegistrationFiltersProps) {
  const { t, i18n } = useTranslation();
  const collator = new Intl.Collator(i18n.language);
  const parliaments = [...delegations].sort((a, b) => collator.compare(a.parliament, b.parliament));
  return (
    <div className="registration-filters" role="group" aria-label={t('registration.filters.label')}>
      <SelectField
        label={t('registration.filters.parliament')}
        value={filters.delegationId}
        placeholder={t('registration.filters.allParliaments')}
        options={parliaments.map((delegation) => ({
          value: delegation.id,
          label: delegation.parliament,
        }))}
        onChange={(delegationId) => onChange({ ...filters, delegationId })}
      />
      <SelectField
        label={t('registration.filters.region')}
        value={filters.region}
        placeholder={t('registration.filters.allRegions')}
        options={regionFilters.map((region) => ({
          value: region,
          label: t(`registration.regions.${region}`),
        }))}
        onChange={(region) => onChange({ ...filters, region: region as Filters['region'] })}
      />
      <SelectField
        label={t('registration.filters.audience')}
        value={filters.audience}
        placeholder={t('registration.filters.allAudiences')}
        options={audienceTags.map((tag) => ({ value: tag, label: t(`audience.${tag}`) }))}
        onChange={(audience) => onChange({ ...filters, audience: audience as Filters['audience'] })}
      />
      <SelectField
        label={t('registration.filters.status')}
        value={filters.status}
        placeholder={t('registration.filters.allStatuses')}
        options={delegateStatuses.map((status) => ({
          value: status,
          label: t(`registration.delegate.status.${status}`),
        }))}
        onChange={(status) => onChange({ ...filters, status: status as Filters['status'] })}
      />
      {isFiltered(filters) && (
        <button type="button" className="button" onClick={() => onChange(noFilters)}>
          {t('registration.filters.clear')}
        </button>
      )}
    </div>
  );
}
