import { z } from 'zod';

/** Stable error codes returned by the REST API; the client maps each to a translated message. */
export const apiErrorCodes = [
  'validation_failed',
  'not_found',
  'invalid_json',
  'payload_too_large',
  'internal_error',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
