import { stringify } from 'csv-stringify/sync';
import type { Poll, SessionInteraction } from '@draftroom/shared';

/**
 * A session's questions and polls as one CSV file (issue 15), for those who run the session:
 * one row per question, then per poll a row for the poll and one per option (or per word of a
 * word cloud), told apart by the `kind` column so a spreadsheet filters them. It is written from
 * `interactionFor`'s cut for the person exporting, so it shows exactly what their screen shows:
 * held and hidden questions, results not yet revealed, and the names of anonymous askers only
 * to the organisers (`seesAnonymousAskers`), never to facilitators.
 *
 * The file is UTF-8 with a byte-order mark (without it Excel reads UTF-8 as the system's code
 * page and Arabic comes out as mojibake), CRLF between records, RFC 4180 quoting, and formula
 * injection neutralised: a cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a
 * leading `'` (OWASP), so `=HYPERLINK(…)` typed as a question is text in Excel, LibreOffice and
 * Google Sheets, not a link or a formula. csv-stringify does both (`escape_formulas`); numbers
 * we write are never negative, so its exception for numbers lets nothing through.
 */

export const interactionCsvColumns = [
  'kind',
  'poll',
  'poll_kind',
  'text',
  'status',
  'revealed',
  'pinned',
  'votes',
  'points',
  'ballots',
  'asker',
  'anonymous',
  'at',
] as const;

type Column = (typeof interactionCsvColumns)[number];
type Row = Partial<Record<Column, string | number>>;

/** The asker's cell: a name, "Anonymous" when hidden from this reader, empty once they left. */
const askerCell = (author: string | null, anonymous: boolean) =>
  author ?? (anonymous ? 'Anonymous' : '');
const yesNo = (value: boolean) => (value ? 'yes' : 'no');

function pollRows(poll: Poll): Row[] {
  const common: Row = {
    poll: poll.question,
    poll_kind: poll.kind,
    status: poll.status,
    revealed: yesNo(poll.revealed),
  };
  const rows: Row[] = [{ kind: 'poll', ...common, ballots: poll.ballots, at: poll.createdAt }];
  const { results } = poll;
  // The caller moderates, so results are there; a null would mean "not yours to see": none.
  if (!results) return rows;
  if (poll.kind === 'words') {
    for (const { word, count } of results.words ?? []) {
      rows.push({ kind: 'word', ...common, text: word, votes: count });
    }
    return rows;
  }
  poll.options.forEach((option, index) => {
    rows.push({
      kind: 'option',
      ...common,
      text: option,
      votes: results.votes[index] ?? 0,
      ...(results.points ? { points: results.points[index] ?? 0 } : {}),
    });
  });
  return rows;
}

/** The CSV's bytes for what this person sees of the session. */
export function interactionCsv(view: SessionInteraction): Uint8Array {
  const rows: Row[] = view.questions.map((question) => ({
    kind: 'question',
    text: question.text,
    status: question.status,
    pinned: yesNo(question.pinned),
    votes: question.votes,
    asker: askerCell(question.author, question.anonymous),
    anonymous: yesNo(question.anonymous),
    at: question.createdAt,
  }));
  // The screen lists polls newest first; a record reads in the order they were run.
  for (const poll of [...view.polls].reverse()) rows.push(...pollRows(poll));
  const text = stringify(
    rows.map((row) => interactionCsvColumns.map((column) => row[column] ?? '')),
    {
      header: true,
      columns: [...interactionCsvColumns],
      bom: true,
      record_delimiter: 'windows',
      escape_formulas: true,
      // A line break alone is not the record delimiter, so csv-stringify would leave a
      // multi-line question unquoted (tried): RFC 4180 quotes any field holding one.
      quoted_match: /[\r\n]/,
    },
  );
  return new TextEncoder().encode(text);
}
