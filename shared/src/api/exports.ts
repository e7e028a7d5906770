import { z } from 'zod';
import { languageCodes } from '../conference/common.ts';
import { documentIdSchema } from '../protocol/documentId.ts';

/** The formats a guide leaves Draftroom in. */
export const exportFormats = ['docx', 'pdf', 'html', 'md'] as const;
export const exportFormatSchema = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const pageSizes = ['A4', 'Letter'] as const;
export const pageSizeSchema = z.enum(pageSizes);
export type PageSize = z.infer<typeof pageSizeSchema>;

/**
 * How to export: the format, the page size (PDF, DOCX and HTML's print sheet) and the language
 * of the words around the guides (title page, contents, annex; each guide keeps its own).
 */
export const exportOptionsSchema = z
  .object({
    format: exportFormatSchema,
    pageSize: pageSizeSchema.default('A4'),
    locale: z.enum(languageCodes).default('en'),
  })
  .strict();
export type ExportOptions = z.infer<typeof exportOptionsSchema>;

/** The most guides one compiled export may take (a session has far fewer groups). */
export const maxCompiledGuides = 200;

/** A session's compiled export: every guide of the session the caller may read, or a chosen set. */
export const sessionExportRequestSchema = exportOptionsSchema
  .extend({
    guideIds: z
      .array(documentIdSchema)
      .min(1, 'Choose at least one guide.')
      .max(maxCompiledGuides)
      .refine((ids) => new Set(ids).size === ids.length, 'A guide is listed twice.')
      .optional(),
  })
  .strict();
export type SessionExportRequest = z.input<typeof sessionExportRequestSchema>;

export const exportJobStates = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;

/** A compiled export being built: its progress, and once done, its file. */
export const exportJobSchema = z.object({
  id: documentIdSchema,
  sessionId: documentIdSchema,
  format: exportFormatSchema,
  state: z.enum(exportJobStates),
  /** Reading the guides, then writing the file. */
  phase: z.enum(['reading', 'writing']),
  /** Guides read so far, of `total`. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** The file's name, known from the start. */
  filename: z.string(),
  /** Why it failed, in words for the person (state `failed`). */
  error: z.string().nullable(),
  /** Until when the finished file can be downloaded. */
  expiresAt: z.string().nullable(),
});
export type ExportJob = z.infer<typeof exportJobSchema>;
export type ExportJobState = ExportJob['state'];
