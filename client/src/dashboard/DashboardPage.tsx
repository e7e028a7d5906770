import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardRow, Me } from '@draftroom/shared';
import { compareUrl } from '../app/compareUrl.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { RequireSignIn } from '../me/RequireSignIn.tsx';
import { ActivityPanel, type ActivityTarget } from './ActivityPanel.tsx';
import { DashboardFilters } from './DashboardFilters.tsx';
import { DashboardTable } from './DashboardTable.tsx';
import { noFilters, shownRows, type Filters, type Sort, type SortKey } from './dashboardRows.ts';
import { useDashboardRows } from './useDashboardRows.ts';

/** `/dashboard`: every guide of the event, live, for its organisers. */
export function DashboardPage() {
  return <RequireSignIn>{(me) => <DashboardForOrganiser me={me} />}</RequireSignIn>;
}

function DashboardForOrganiser({ me }: { me: Me }) {
  const { t } = useTranslation();
  useDocumentTitle(t('dashboard.pageTitle'));
  if (!me.capabilities.manageEvent) {
    return (
      <div className="page">
        <h1>{t('dashboard.heading')}</h1>
        <p className="notice">{t('dashboard.organisersOnly')}</p>
      </div>
    );
  }
  return <Dashboard />;
}

function Dashboard() {
  const { t, i18n } = useTranslation();
  const live = useDashboardRows();
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [sort, setSort] = useState<Sort>({ key: 'session', direction: 'ascending' });
  const [chart, setChart] = useState<ActivityTarget | null>(null);
  const rows = useMemo(
    () => shownRows(live.rows, filters, sort, i18n.language),
    [live.rows, filters, sort, i18n.language],
  );
  const onSort = (key: SortKey) =>
    setSort((before) => ({
      key,
      direction:
        before.key === key && before.direction === 'ascending' ? 'descending' : 'ascending',
    }));
  const onChart = (row: DashboardRow) =>
    setChart({ kind: 'guide', id: row.guideId, name: row.groupName });
  // Said to screen readers at most once a minute: "Updated 10:42", not every change.
  const updatedMinute = live.updatedAt
    ? new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(
        new Date(live.updatedAt),
      )
    : null;

  return (
    <div className="page page--wide dashboard">
      <h1>{t('dashboard.heading')}</h1>
      <p className="muted" role="status" data-testid="dashboard-updated">
        {live.status === 'ready' && updatedMinute
          ? t('dashboard.updated', { time: updatedMinute })
          : ''}
      </p>
      {live.status === 'loading' && <p className="muted">{t('dashboard.loading')}</p>}
      {live.status === 'refused' && (
        <p className="notice notice--error" role="alert">
          {t('dashboard.refused')}
        </p>
      )}
      {live.status === 'ready' && (
        <>
          <DashboardFilters rows={live.rows} filters={filters} onChange={setFilters} />
          {filters.sessionId && (
            <p>
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  const title = live.rows.find(
                    (r) => r.sessionId === filters.sessionId,
                  )?.sessionTitle;
                  setChart({ kind: 'session', id: filters.sessionId, name: title ?? '' });
                }}
              >
                {t('dashboard.showSessionChart')}
              </button>
            </p>
          )}
          <p className="muted" data-testid="dashboard-count">
            {t('dashboard.shown', { count: rows.length, total: live.rows.length })}
          </p>
          {rows.length >= 2 && (
            // The first two guides shown, to start from (filter by session to pick two groups
            // of one); the compare page lets them choose any two.
            <p>
              <Link to={compareUrl(rows[0]!.guideId, rows[1]!.guideId)}>
                {t('dashboard.compare')}
              </Link>
            </p>
          )}
          {rows.length === 0 ? (
            <p className="empty-state">{t('dashboard.none')}</p>
          ) : (
            <DashboardTable rows={rows} sort={sort} onSort={onSort} onChart={onChart} />
          )}
          {chart && <ActivityPanel target={chart} refreshKey={live.updatedAt} />}
        </>
      )}
    </div>
  );
}
