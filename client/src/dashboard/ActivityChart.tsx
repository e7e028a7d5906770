import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardActivity } from '@draftroom/shared';
import { useDirection } from './useDirection.ts';

/**
 * Edits per bucket as bars (Recharts, with its keyboard and screen-reader layer on). The same
 * numbers are always in the table beside it. In a right-to-left page time runs from the right.
 */
export function ActivityChart({ activity }: { activity: DashboardActivity }) {
  const { t, i18n } = useTranslation();
  const rtl = useDirection() === 'rtl';
  const times = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
  const numbers = new Intl.NumberFormat(i18n.language);
  const data = activity.buckets.map((bucket) => ({
    label: times.format(new Date(bucket.start)),
    edits: bucket.edits,
  }));
  return (
    <div className="dashboard-activity__chart" data-testid="dashboard-chart">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} accessibilityLayer title={t('dashboard.activity.chartLabel')}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" reversed={rtl} minTickGap={24} />
          <YAxis
            orientation={rtl ? 'right' : 'left'}
            allowDecimals={false}
            width={40}
            tickFormatter={(value: number) => numbers.format(value)}
          />
          <Tooltip
            formatter={(value) => [numbers.format(Number(value)), t('dashboard.activity.edits')]}
          />
          <Bar
            dataKey="edits"
            name={t('dashboard.activity.edits')}
            fill="var(--color-accent, #1f5fa8)"
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
