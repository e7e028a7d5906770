import type { DashboardRow, ReviewStatus } from '@draftroom/shared';

/** The grid's sortable columns. */
export const sortKeys = [
  'session',
  'group',
  'language',
  'status',
  'online',
  'contributors',
  'words',
  'sections',
  'comments',
  'lastEdit',
] as const;
export type SortKey = (typeof sortKeys)[number];
export interface Sort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

export interface Filters {
  sessionId: string;
  language: string;
  status: ReviewStatus | '';
  text: string;
}
export const noFilters: Filters = { sessionId: '', language: '', status: '', text: '' };

const valueOf = (row: DashboardRow, key: SortKey): string | number => {
  switch (key) {
    case 'session':
      return row.sessionTitle;
    case 'group':
      return row.groupName;
    case 'language':
      return row.workingLanguage;
    case 'status':
      return row.status;
    case 'online':
      return row.online;
    case 'contributors':
      return row.contributors;
    case 'words':
      return row.words;
    case 'sections':
      return row.sections ? row.sections.filled / Math.max(1, row.sections.total) : -1;
    case 'comments':
      return row.openComments ?? -1;
    case 'lastEdit':
      return row.lastEditAt ?? '';
  }
};

/** The rows the grid shows: filtered, then sorted (ties by session and group, so rows stay put). */
export function shownRows(
  rows: readonly DashboardRow[],
  filters: Filters,
  sort: Sort,
  locale: string,
): DashboardRow[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const text = filters.text.trim().toLocaleLowerCase(locale);
  const kept = rows.filter(
    (row) =>
      (!filters.sessionId || row.sessionId === filters.sessionId) &&
      (!filters.language || row.workingLanguage === filters.language) &&
      (!filters.status || row.status === filters.status) &&
      (!text ||
        row.groupName.toLocaleLowerCase(locale).includes(text) ||
        row.sessionTitle.toLocaleLowerCase(locale).includes(text)),
  );
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const compare = (a: string | number, b: string | number) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
  return kept.sort(
    (a, b) =>
      sign * compare(valueOf(a, sort.key), valueOf(b, sort.key)) ||
      collator.compare(a.sessionTitle, b.sessionTitle) ||
      collator.compare(a.groupName, b.groupName),
  );
}
