import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardRow } from '@draftroom/shared';
import { languageName } from '../format/text.ts';
import type { Sort, SortKey } from './dashboardRows.ts';

const columns: ReadonlyArray<{ key: SortKey; numeric?: true }> = [
  { key: 'session' },
  { key: 'group' },
  { key: 'language' },
  { key: 'status' },
  { key: 'online', numeric: true },
  { key: 'contributors', numeric: true },
  { key: 'words', numeric: true },
  { key: 'sections', numeric: true },
  { key: 'comments', numeric: true },
  { key: 'lastEdit' },
];

/**
 * The grid: a real table whose column headers are buttons that sort it (`aria-sort` on the
 * sorted one). Each group's name opens its guide read-only (`?view=read`); "Chart" shows the
 * guide's activity below.
 */
export function DashboardTable({
  rows,
  sort,
  onSort,
  onChart,
}: {
  rows: readonly DashboardRow[];
  sort: Sort;
  onSort: (key: SortKey) => void;
  onChart: (row: DashboardRow) => void;
}) {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(i18n.language);
  const times = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short', dateStyle: 'short' });
  return (
    <div className="dashboard-grid__scroll" tabIndex={0} aria-labelledby="dashboard-grid-caption">
      <table className="dashboard-grid" data-testid="dashboard-grid">
        <caption id="dashboard-grid-caption">{t('dashboard.gridCaption')}</caption>
        <thead>
          <tr>
            {columns.map(({ key }) => (
              <th key={key} scope="col" aria-sort={sort.key === key ? sort.direction : undefined}>
                <button type="button" className="dashboard-grid__sort" onClick={() => onSort(key)}>
                  {t(`dashboard.column.${key}`)}
                  <span aria-hidden="true">
                    {sort.key === key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              </th>
            ))}
            <th scope="col">{t('dashboard.column.activity')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.guideId} data-testid="dashboard-row" data-guide-id={row.guideId}>
              <td>
                <bdi>{row.sessionTitle}</bdi>
              </td>
              <th scope="row">
                <Link to={`/g/${encodeURIComponent(row.guideId)}?view=read`}>
                  <bdi>{row.groupName}</bdi>
                </Link>
              </th>
              <td>{languageName(row.workingLanguage, i18n.language)}</td>
              <td>{t(`review.status.${row.status}`)}</td>
              <td className="dashboard-grid__number" data-testid="dashboard-online">
                {numbers.format(row.online)}
              </td>
              <td className="dashboard-grid__number">
                {t('dashboard.contributorsCell', {
                  people: numbers.format(row.contributors),
                  parliaments: numbers.format(row.parliaments),
                })}
              </td>
              <td className="dashboard-grid__number" data-testid="dashboard-words">
                {numbers.format(row.words)}
              </td>
              <td className="dashboard-grid__number">
                {row.sections
                  ? t('dashboard.sectionsCell', {
                      filled: numbers.format(row.sections.filled),
                      total: numbers.format(row.sections.total),
                    })
                  : '—'}
              </td>
              <td className="dashboard-grid__number">
                {row.openComments === null ? (
                  <span title={t('dashboard.commentsUnknown')}>—</span>
                ) : (
                  numbers.format(row.openComments)
                )}
              </td>
              <td data-testid="dashboard-last-edit">
                {row.lastEditAt ? (
                  <time dateTime={row.lastEditAt}>{times.format(new Date(row.lastEditAt))}</time>
                ) : (
                  t('dashboard.never')
                )}
              </td>
              <td>
                <button type="button" className="button button--small" onClick={() => onChart(row)}>
                  {t('dashboard.showChart')}
                  <span className="visually-hidden">
                    {' '}
                    <bdi>{row.groupName}</bdi>
                  </span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
