import { stringify } from 'csv-stringify/sync';
import type { PracticeRecord } from '../../persistence/index.ts';
import { regionOf } from '../registration/presentRegistration.ts';

/**
 * Every practice of the event as one CSV file for the organisers (issue 17), written like the
 * questions' export (`interactionCsv.ts`): UTF-8 with a byte-order mark (Excel reads Arabic
 * right), CRLF between records, RFC 4180 quoting, and formulas neutralised by csv-stringify's
 * `escape_formulas` (a title typed as `=HYPERLINK(…)` is text in a spreadsheet, not a link).
 * Lists are joined with "; " (a link as "label <url>"); the contact is left out: the file
 * travels further than the library.
 */
export const practicesCsvColumns = [
  'title',
  'parliament',
  'country',
  'region',
  'audiences',
  'topics',
  'languages',
  'status',
  'public',
  'revision',
  'summary',
  'links',
  'cited_by',
  'updated',
] as const;

export function practicesCsv(
  records: readonly PracticeRecord[],
  citations: ReadonlyMap<string, number>,
): Uint8Array {
  const rows = records.map((record) => {
    const { content } = record;
    return [
      content.title,
      content.parliament,
      content.country,
      regionOf(content.country) ?? '',
      content.audiences.join('; '),
      content.topics.join('; '),
      content.languages.join('; '),
      record.status,
      record.public ? 'yes' : 'no',
      record.revision,
      content.summary,
      content.links.map((link) => `${link.label} <${link.url}>`).join('; '),
      citations.get(record.id) ?? 0,
      record.updatedAt,
    ];
  });
  const text = stringify(rows, {
    header: true,
    columns: [...practicesCsvColumns],
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
    // A summary may hold line breaks: RFC 4180 quotes any field holding one.
    quoted_match: /[\r\n]/,
  });
  return new TextEncoder().encode(text);
}
