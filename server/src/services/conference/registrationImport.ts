import {
  cleanText,
  emailSchema,
  registrationColumns,
  type ImportFileProblem,
  type ImportProblem,
  type ImportRowReport,
  type LanguageCode,
  textProblem,
  textProblemMessage,
} from '@draftroom/shared';
import type { GroupRecord } from '../../persistence/index.ts';
import { CsvError, parseCsv } from './csv.ts';
import { countryCode, languageCode } from './registrationValues.ts';

/** A registration row that passed every check, ready to be written. */
export interface ValidRegistration {
  line: number;
  displayName: string;
  parliament: string;
  country: string;
  email: string | null;
  preferredLanguage: LanguageCode;
  groupId: string | null;
}

export interface RegistrationCheck {
  fileErrors: ImportFileProblem[];
  rows: ImportRowReport[];
  valid: ValidRegistration[];
}

export interface RegistrationContext {
  /** The event's breakout groups, to resolve the `group` column by name. */
  groups: readonly GroupRecord[];
  /** Participants already in each group, for capacity. */
  groupSizes: ReadonlyMap<string, number>;
  /** Emails of people already in the event (lower case). */
  knownEmails: ReadonlySet<string>;
  /** Whether imported people take a seat (participants do; facilitators and observers do not). */
  takesSeat: boolean;
}

const required = ['name', 'parliament', 'country', 'language'] as const;
const maxRows = 5_000;

/**
 * Checks every row of a registration CSV and reports each problem with its line and column,
 * without writing anything. The import writes only if every row passes.
 */
export function checkRegistrations(csv: string, context: RegistrationContext): RegistrationCheck {
  const check: RegistrationCheck = { fileErrors: [], rows: [], valid: [] };
  const fileProblem = (
    code: ImportFileProblem['code'],
    params: ImportFileProblem['params'],
    message: string,
  ) => check.fileErrors.push({ code, params, message });
  let table;
  try {
    table = parseCsv(csv);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    fileProblem(
      'unclosed_quote',
      { line: error.line },
      `${error.message} Close the quote, or remove it.`,
    );
    return check;
  }
  const [header, ...rows] = table;
  if (!header) {
    fileProblem(
      'no_header',
      {},
      'The file has no header row. The first line must name the columns.',
    );
    return check;
  }
  const columns = header.cells.map((cell) => cell.trim().toLowerCase());
  const missing = required.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    fileProblem(
      'missing_columns',
      { columns: missing.join(', ') },
      `Missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}. The header must name ${registrationColumns.join(', ')} (email and group may be left out).`,
    );
  }
  const unknown = columns.filter(
    (column) => column !== '' && !(registrationColumns as readonly string[]).includes(column),
  );
  if (unknown.length > 0) {
    fileProblem(
      'unknown_columns',
      { columns: unknown.join(', ') },
      `Unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Use only ${registrationColumns.join(', ')}.`,
    );
  }
  if (rows.length === 0) fileProblem('no_rows', {}, 'The file has a header but no people.');
  if (rows.length > maxRows) {
    fileProblem(
      'too_many_rows',
      { count: rows.length, max: maxRows },
      `The file has ${rows.length} people; import at most ${maxRows} at a time.`,
    );
  }
  if (check.fileErrors.length > 0) return check;

  const groupsByName = new Map<string, GroupRecord[]>();
  for (const group of context.groups) {
    const key = group.name.trim().toLocaleLowerCase();
    groupsByName.set(key, [...(groupsByName.get(key) ?? []), group]);
  }
  const seats = new Map(context.groupSizes);
  const emailsInFile = new Map<string, number>();

  for (const row of rows) {
    const cell = (column: string) => {
      const index = columns.indexOf(column);
      // NFC, as the API stores text: "José" is one name however it was typed.
      return index < 0 ? '' : cleanText(row.cells[index] ?? '');
    };
    const errors: ImportRowReport['errors'] = [];
    const problem = (
      column: string,
      code: ImportProblem['code'],
      params: ImportProblem['params'],
      message: string,
    ) => errors.push({ column, code, params, message });

    // The same rules as the join form and the API (`personText`), reported per cell.
    const personCell = (column: 'name' | 'parliament', label: string, max: number) => {
      const value = cell(column);
      const textIssue = value ? textProblem(value) : undefined;
      if (!value) problem(column, 'missing', {}, `${label} is empty.`);
      else if (value.length > max)
        problem(column, 'too_long', { max }, `${label} is longer than ${max} characters.`);
      else if (textIssue) problem(column, textIssue, {}, textProblemMessage(label, textIssue));
      return value;
    };
    const displayName = personCell('name', 'The name', 80);
    const parliament = personCell('parliament', 'The parliament or delegation', 120);

    const country = countryCode(cell('country'));
    if (!country) {
      problem(
        'country',
        'country_unknown',
        { value: cell('country') },
        `“${cell('country')}” is not a country we know; use its name or two-letter code (KE, FR…).`,
      );
    }

    const language = languageCode(cell('language'));
    if (!language) {
      problem(
        'language',
        'language_unknown',
        { value: cell('language') },
        `“${cell('language')}” is not one of the conference languages: en, fr, es or ar.`,
      );
    }

    let email: string | null = null;
    const rawEmail = cell('email');
    if (rawEmail) {
      const parsed = emailSchema.safeParse(rawEmail);
      if (!parsed.success)
        problem(
          'email',
          'email_invalid',
          { value: rawEmail },
          `“${rawEmail}” is not an email address.`,
        );
      else {
        email = parsed.data;
        const key = email.toLowerCase();
        if (context.knownEmails.has(key))
          problem('email', 'email_taken', {}, 'Someone with this email is already in the event.');
        const earlier = emailsInFile.get(key);
        if (earlier !== undefined)
          problem(
            'email',
            'email_repeated',
            { line: earlier },
            `The same email is on line ${earlier}.`,
          );
        else emailsInFile.set(key, row.line);
      }
    }

    let groupId: string | null = null;
    const groupName = cell('group');
    if (groupName) {
      const matches = groupsByName.get(groupName.toLocaleLowerCase()) ?? [];
      if (matches.length === 0) {
        problem(
          'group',
          'group_unknown',
          { value: groupName },
          `No group is called “${groupName}”; check the spelling against the session page.`,
        );
      } else if (matches.length > 1) {
        problem(
          'group',
          'group_ambiguous',
          { value: groupName },
          `Several groups are called “${groupName}”; rename them so each name is unique.`,
        );
      } else {
        const group = matches[0] as GroupRecord;
        const taken = seats.get(group.id) ?? 0;
        if (context.takesSeat && taken >= group.capacity) {
          problem(
            'group',
            'group_full',
            { value: group.name, capacity: group.capacity },
            `The group “${group.name}” would be over its capacity of ${group.capacity}.`,
          );
        } else {
          seats.set(group.id, taken + (context.takesSeat ? 1 : 0));
          groupId = group.id;
        }
      }
    }

    check.rows.push({ line: row.line, name: displayName, errors, groupId });
    if (errors.length === 0 && country && language) {
      check.valid.push({
        line: row.line,
        displayName,
        parliament,
        country,
        email,
        preferredLanguage: language,
        groupId,
      });
    }
  }
  return check;
}
