import { stringify } from 'csv-stringify/sync';
import type { Delegation } from '@draftroom/shared';

/**
 * Every delegate of the event as one CSV file (issue 16), one row per delegate, grouped by
 * parliament. Written like the interaction export (`interactionCsv.ts`): UTF-8 with a byte-order
 * mark so Excel reads Arabic and accents, CRLF records, RFC 4180 quoting, and formula injection
 * neutralised (`escape_formulas`: a cell starting with `=`, `+`, `-`, `@`, tab or CR gets a
 * leading `'`), since every name here was typed by someone outside the organisers.
 */
export const registrationCsvColumns = [
  'parliament',
  'country',
  'region',
  'name',
  'function',
  'email',
  'working_languages',
  'preferred_language',
  'audiences',
  'status',
  'focal_point',
  'focal_point_email',
  'submitted_at',
  'decided_at',
] as const;

export function registrationCsv(delegations: readonly Delegation[]): Uint8Array {
  const rows = delegations.flatMap((delegation) =>
    delegation.delegates.map((delegate) => [
      delegation.parliament,
      delegation.country,
      delegation.region ?? '',
      delegate.name,
      delegate.function,
      delegate.email,
      delegate.workingLanguages.join(' '),
      delegate.preferredLanguage,
      delegate.audiences.join(' '),
      delegate.status,
      delegation.focalPoint.name,
      delegation.focalPoint.email,
      delegation.submittedAt ?? '',
      delegate.decidedAt ?? '',
    ]),
  );
  const text = stringify(rows, {
    header: true,
    columns: [...registrationCsvColumns],
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
    quoted_match: /[\r\n]/,
  });
  return new TextEncoder().encode(text);
}
