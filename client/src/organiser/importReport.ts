import type { ImportReport, ImportRequest } from '@draftroom/shared';

export type ImportRole = NonNullable<ImportRequest['role']>;
export const importRoles: readonly ImportRole[] = ['participant', 'observer', 'facilitator'];

export interface ImportSummary {
  rows: number;
  validRows: number;
  invalidRows: number;
  /** The import button is offered only for a clean dry run with at least one person in it. */
  canImport: boolean;
}

export function summariseImport(report: ImportReport): ImportSummary {
  const invalidRows = report.rows.filter((row) => row.errors.length > 0).length;
  return {
    rows: report.rows.length,
    validRows: report.rows.length - invalidRows,
    invalidRows,
    canImport:
      report.dryRun &&
      report.valid &&
      report.fileErrors.length === 0 &&
      invalidRows === 0 &&
      report.rows.length > 0,
  };
}

/**
 * The request for one step. The dry run and the real import must send the very same text and
 * role, so the second is built from what the first checked, never from the form as it is now.
 */
export function importRequest(checked: { csv: string; role: ImportRole }, dryRun: boolean) {
  return { csv: checked.csv, role: checked.role, dryRun } satisfies ImportRequest;
}

/** A file's text without the byte-order mark spreadsheet programs put at the start of CSVs. */
export function stripByteOrderMark(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** One CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
function csvCell(value: string): string {
  // "=HYPERLINK(…)" typed as a name would run when the file is opened; a leading ' keeps it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The sign-in links of the people just imported, as a CSV to mail-merge (name, email, parliament,
 * link). These links are shown only once, so this file is the organiser's copy of them.
 */
export function signInLinksCsv(
  created: ImportReport['created'],
  linkFor: (joinPath: string) => string,
): string {
  const header = ['name', 'email', 'parliament', 'link'];
  const rows = created.map(({ person, joinPath }) => [
    person.displayName,
    person.email ?? '',
    person.parliament,
    linkFor(joinPath),
  ]);
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
