import type { Row, ScenarioReport } from './report.ts';

/** Numbers people can read at a glance: 3 significant digits, thousands grouped. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (Number.isInteger(value) || magnitude >= 1000)
    return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude === 0) return '0';
  return value.toFixed(2);
}

const formatRatio = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${value.toFixed(2)}×`;

function resultOf(row: Row): string {
  if (row.targets.length === 0) return '';
  return row.targets
    .map((target) => (target.pass === null ? 'n/a' : target.pass ? 'PASS' : 'FAIL'))
    .join(' / ');
}

/** Renders rows as a plain-text table (also valid Markdown). */
export function renderTable(report: ScenarioReport): string {
  const hasFloor = report.rows.some((row) => row.floor !== undefined);
  const hasHocuspocus = report.rows.some((row) => row.hocuspocus !== undefined);
  const columns = report.columns ?? {
    draftroom: 'Draftroom',
    baseline: 'baseline',
    ratio: 'D/baseline',
  };
  const header = [
    'metric',
    'unit',
    columns.draftroom,
    columns.baseline,
    columns.ratio,
    ...(hasHocuspocus ? ['Hocuspocus', 'D/Hocuspocus'] : []),
    ...(hasFloor ? ['floor', 'D/floor'] : []),
    'target',
    'result',
  ];
  const lines = report.rows.map((row) => [
    row.metric,
    row.unit,
    formatNumber(row.draftroom),
    formatNumber(row.baseline),
    formatRatio(row.ratio),
    ...(hasHocuspocus ? [formatNumber(row.hocuspocus), formatRatio(row.hocuspocusRatio)] : []),
    ...(hasFloor
      ? [row.floor === undefined ? '' : formatNumber(row.floor), formatRatio(row.floorRatio)]
      : []),
    row.targets.map((target) => target.label).join(' / '),
    resultOf(row),
  ]);
  const numeric = new Set([
    columns.draftroom,
    columns.baseline,
    columns.ratio,
    'Hocuspocus',
    'D/Hocuspocus',
    'floor',
    'D/floor',
  ]);
  return markdownTable(
    header,
    lines,
    header.map((name) => numeric.has(name)),
  );
}

export function markdownTable(
  header: string[],
  lines: string[][],
  rightAligned: boolean[] = [],
): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...lines.map((line) => (line[column] ?? '').length)),
  );
  const pad = (cell: string, column: number) =>
    rightAligned[column]
      ? cell.padStart(widths[column] as number)
      : cell.padEnd(widths[column] as number);
  const render = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `|${widths
    .map((width, column) =>
      rightAligned[column] ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2),
    )
    .join('|')}|`;
  return [render(header), rule, ...lines.map(render)].join('\n');
}

export function renderReport(report: ScenarioReport): string {
  const failed = report.checks.filter((check) => !check.ok);
  const parts = [
    `## ${report.title}${report.smoke ? ' (smoke size)' : ''}`,
    `${describe(report.parameters)}; medians of ${report.runs} run(s); ${report.seconds.toFixed(0)} s; ` +
      `load average ${report.loadAverage.start.toFixed(2)} → ${report.loadAverage.end.toFixed(2)}`,
    '',
    renderTable(report),
    '',
    failed.length === 0
      ? `correctness: all ${report.checks.length} checks passed`
      : `correctness: ${failed.length} of ${report.checks.length} checks FAILED\n${failed
          .map((check) => `  - ${check.name}${check.detail ? `: ${check.detail}` : ''}`)
          .join('\n')}`,
    ...report.notes.map((note) => `\n${note}`),
  ];
  return parts.join('\n');
}

function describe(parameters: Record<string, unknown>): string {
  return Object.entries(parameters)
    .map(([key, value]) => `${key} ${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(', ');
}
