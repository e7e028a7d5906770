import { z } from 'zod';

/** Document ids appear in URLs and websocket paths: keep them short and URL-safe. */
export const documentIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'A document id is 1–64 letters, digits, "-" or "_".');

export type DocumentId = z.infer<typeof documentIdSchema>;
