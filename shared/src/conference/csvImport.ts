import { z } from 'zod';
import { entityIdSchema } from './common.ts';
import { personSchema } from './person.ts';
import { textProblemCodes } from './personText.ts';

/** Columns of a registration CSV, in the header row, in any order (email, group optional). */
export const registrationColumns = [
  'name',
  'parliament',
  'country',
  'email',
  'language',
  'group',
] as const;

export const importRequestSchema = z.object({
  csv: z
    .string({ error: 'Paste or upload the CSV file.' })
    .min(1, 'The CSV file is empty.')
    .max(1_000_000, 'The CSV file is too large (at most 1 MB); split it and import each part.'),
  /** true: validate only and report; false: write every row, only if every row is valid. */
  dryRun: z.boolean(),
  /** Role given to everyone imported. */
  role: z.enum(['participant', 'observer', 'facilitator']).default('participant'),
});
export type ImportRequest = z.input<typeof importRequestSchema>;

/** What can be wrong with one cell of a row; the client words each in the organiser's language. */
export const importProblemCodes = [
  'missing',
  'too_long',
  // A name or parliament the shared text rules refuse (see `personText`).
  ...textProblemCodes,
  'country_unknown',
  'language_unknown',
  'email_invalid',
  'email_taken',
  'email_repeated',
  'group_unknown',
  'group_ambiguous',
  'group_full',
] as const;

/** What can be wrong with the file as a whole. */
export const importFileProblemCodes = [
  'unclosed_quote',
  'no_header',
  'missing_columns',
  'unknown_columns',
  'no_rows',
  'too_many_rows',
] as const;

/** Values a problem's sentence needs (the cell's value, a limit, a line number, column names). */
const problemParams = z.record(z.string(), z.union([z.string(), z.number()]));

export const importProblemSchema = z.object({
  column: z.string(),
  code: z.enum(importProblemCodes),
  params: problemParams,
  /** The same in English, for logs and API users. */
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importFileProblemSchema = z.object({
  code: z.enum(importFileProblemCodes),
  params: problemParams,
  message: z.string(),
});
export type ImportFileProblem = z.infer<typeof importFileProblemSchema>;

export const importRowReportSchema = z.object({
  /** 1-based line number in the file (the header is line 1). */
  line: z.number().int(),
  name: z.string(),
  /** Problems with this row; empty when it is valid. */
  errors: z.array(importProblemSchema),
  /** The group this row will join, when it names one. */
  groupId: entityIdSchema.nullable(),
});
export type ImportRowReport = z.infer<typeof importRowReportSchema>;

export const importReportSchema = z.object({
  dryRun: z.boolean(),
  valid: z.boolean(),
  /** Problems with the file as a whole (missing columns, bad header). */
  fileErrors: z.array(importFileProblemSchema),
  rows: z.array(importRowReportSchema),
  /**
   * People created (empty for a dry run or when any row is invalid), each with a personal,
   * single-use join link to send them; the links are shown this once.
   */
  created: z.array(z.object({ person: personSchema, joinPath: z.string() })),
});
export type ImportReport = z.infer<typeof importReportSchema>;
