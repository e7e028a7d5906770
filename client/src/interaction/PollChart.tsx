import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * A poll's results as horizontal bars (Recharts, with its keyboard and screen-reader layer on).
 * The table beside it always has the same numbers. In a right-to-left page the bars grow from
 * the right and the options' names stand on the right.
 */
export function PollChart({
  bars,
  valueLabel,
  large = false,
}: {
  bars: readonly { option: string; value: number }[];
  valueLabel: string;
  large?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const rtl = i18n.dir(i18n.language) === 'rtl';
  const numbers = new Intl.NumberFormat(i18n.language);
  const rowHeight = large ? 64 : 36;
  const fontSize = large ? 22 : 14;
  // Whole numbers up to the largest bar, not Recharts' rounder (and emptier) end of the axis.
  const top = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <div className="poll-chart" data-testid="poll-chart">
      <ResponsiveContainer width="100%" height={bars.length * rowHeight + 40}>
        <BarChart
          data={[...bars]}
          layout="vertical"
          accessibilityLayer
          title={t('polls.results.chart')}
          margin={{ top: 4, right: 16, bottom: 4, left: 16 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            allowDecimals={false}
            domain={[0, top]}
            reversed={rtl}
            tick={{ fontSize }}
            tickFormatter={(value: number) => numbers.format(value)}
          />
          <YAxis
            type="category"
            dataKey="option"
            orientation={rtl ? 'right' : 'left'}
            width={large ? 280 : 140}
            // In a right-to-left page the SVG text runs right to left too: "end" is then its left
            // edge, so the names stand beside the axis on either side instead of over the bars.
            tick={{ fontSize, fill: '#1f2937', textAnchor: 'end' }}
          />
          <Tooltip formatter={(value) => [numbers.format(Number(value)), valueLabel]} />
          <Bar
            dataKey="value"
            name={valueLabel}
            fill="var(--color-accent, #1d4ed8)"
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
