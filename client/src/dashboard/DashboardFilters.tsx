import { useTranslation } from 'react-i18next';
import { reviewStatuses, type DashboardRow } from '@draftroom/shared';
import { languageName } from '../format/text.ts';
import { SelectField } from '../ui/fields/SelectField.tsx';
import { TextField } from '../ui/fields/TextField.tsx';
import type { Filters } from './dashboardRows.ts';

/** Narrow the grid by session, working language, status and words in a group's or session's name. */
export function DashboardFilters({
  rows,
  filters,
  onChange,
}: {
  rows: readonly DashboardRow[];
  filters: Filters;
  onChange: (filters: Filters) => void;
}) {
  const { t, i18n } = useTranslation();
  const sessions = new Map(rows.map((row) => [row.sessionId, row.sessionTitle]));
  const languages = [...new Set(rows.map((row) => row.workingLanguage))];
  const all = t('dashboard.filter.all');
  return (
    <form
      className="dashboard-filters"
      role="search"
      aria-label={t('dashboard.filter.label')}
      onSubmit={(event) => event.preventDefault()}
    >
      <SelectField
        label={t('dashboard.filter.session')}
        value={filters.sessionId}
        placeholder={all}
        options={[...sessions].map(([value, label]) => ({ value, label }))}
        onChange={(sessionId) => onChange({ ...filters, sessionId })}
      />
      <SelectField
        label={t('dashboard.filter.language')}
        value={filters.language}
        placeholder={all}
        options={languages.map((value) => ({ value, label: languageName(value, i18n.language) }))}
        onChange={(language) => onChange({ ...filters, language })}
      />
      <SelectField
        label={t('dashboard.filter.status')}
        value={filters.status}
        placeholder={all}
        options={reviewStatuses.map((value) => ({ value, label: t(`review.status.${value}`) }))}
        onChange={(status) => onChange({ ...filters, status: status as Filters['status'] })}
      />
      <TextField
        label={t('dashboard.filter.text')}
        value={filters.text}
        maxLength={100}
        onChange={(text) => onChange({ ...filters, text })}
      />
    </form>
  );
}
