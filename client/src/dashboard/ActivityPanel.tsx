import { lazy, Suspense, useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api/callApi.ts';
import { useResource } from '../api/useResource.ts';
import { ResourceState } from '../ui/ResourceState.tsx';

// The charting library is most of this panel's weight: loaded only when a chart is opened.
const ActivityChart = lazy(async () => ({
  default: (await import('./ActivityChart.tsx')).ActivityChart,
}));

export type ActivityTarget =
  { kind: 'guide'; id: string; name: string } | { kind: 'session'; id: string; name: string };

/**
 * Edits over time for one guide or one session (the server's attribution record), as a chart
 * and, always, as a table of the same numbers.
 */
export function ActivityPanel({
  target,
  refreshKey,
}: {
  target: ActivityTarget;
  refreshKey: string | null;
}) {
  const { t, i18n } = useTranslation();
  const load = useCallback(
    (signal: AbortSignal) =>
      callApi('dashboardActivity', {
        query: target.kind === 'guide' ? { guideId: target.id } : { sessionId: target.id },
        signal,
      }),
    [target.kind, target.id],
  );
  const activity = useResource(load);
  // The chart follows the grid's updates (at most once a second), keeping what is shown.
  const { refresh } = activity;
  useEffect(() => {
    if (refreshKey !== null) refresh();
    // Only a new update asks again; `refresh` is a new function after every load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refreshKey]);
  const times = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
  const numbers = new Intl.NumberFormat(i18n.language);
  const heading = t(
    target.kind === 'guide' ? 'dashboard.activity.guide' : 'dashboard.activity.session',
    {
      name: target.name,
    },
  );
  return (
    <section
      className="dashboard-activity"
      aria-labelledby="dashboard-activity-heading"
      data-testid="dashboard-activity"
    >
      <h2 id="dashboard-activity-heading">
        <bdi>{heading}</bdi>
      </h2>
      {activity.state.status !== 'ready' ? (
        <ResourceState resource={activity.state} onRetry={activity.reload} />
      ) : (
        <>
          <p className="muted">
            {t('dashboard.activity.summary', {
              minutes: numbers.format(activity.state.data.bucketMinutes),
            })}
          </p>
          <Suspense fallback={<p className="muted">{t('dashboard.activity.loadingChart')}</p>}>
            <ActivityChart activity={activity.state.data} />
          </Suspense>
          <details className="dashboard-activity__numbers">
            <summary>{t('dashboard.activity.asTable')}</summary>
            <table className="dashboard-grid" data-testid="dashboard-activity-table">
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.activity.from')}</th>
                  <th scope="col">{t('dashboard.activity.edits')}</th>
                  <th scope="col">{t('dashboard.activity.people')}</th>
                </tr>
              </thead>
              <tbody>
                {activity.state.data.buckets.map((bucket) => (
                  <tr key={bucket.start}>
                    <th scope="row">
                      <time dateTime={bucket.start}>{times.format(new Date(bucket.start))}</time>
                    </th>
                    <td className="dashboard-grid__number">{numbers.format(bucket.edits)}</td>
                    <td className="dashboard-grid__number">{numbers.format(bucket.people)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
