import { ApiRequestError } from './client.ts';

/** `organiser.errors.<key>`: what went wrong and what to do, in the interface's language. */
export type ApiErrorKey =
  | 'validation_failed'
  | 'not_found'
  | 'unauthenticated'
  | 'forbidden'
  | 'conflict'
  | 'rate_limited'
  | 'payload_too_large'
  | 'network_error'
  | 'internal_error'
  | 'unknown';

const knownKeys: readonly ApiErrorKey[] = [
  'validation_failed',
  'not_found',
  'unauthenticated',
  'forbidden',
  'conflict',
  'rate_limited',
  'payload_too_large',
  'network_error',
  'internal_error',
];

export interface DescribedApiError {
  key: ApiErrorKey;
  /**
   * The server's own sentence, when it says something the code alone cannot ("this session still
   * has 3 groups"). It is English: the UI shows it marked as such, after the translated message.
   */
  serverMessage: string | null;
}

/** Codes whose server message carries specifics worth showing. */
const specificCodes = new Set(['conflict', 'validation_failed', 'forbidden']);

export function describeApiError(error: unknown): DescribedApiError {
  if (!(error instanceof ApiRequestError)) return { key: 'unknown', serverMessage: null };
  const key = knownKeys.find((known) => known === error.code) ?? 'unknown';
  const serverMessage =
    specificCodes.has(error.code) && error.message.trim() !== '' ? error.message : null;
  return { key, serverMessage };
}

/**
 * The server's field-level messages ("endsAt: The session must end after it starts."), keyed by
 * the form field they belong to (the first segment of the path: `scope.id` → `scope`).
 */
export function serverFieldMessages<Field extends string>(
  error: unknown,
  fields: readonly Field[],
): Partial<Record<Field, string>> {
  const messages: Partial<Record<Field, string>> = {};
  if (!(error instanceof ApiRequestError)) return messages;
  for (const detail of error.details) {
    const field = fields.find((name) => name === detail.path.split('.')[0]);
    if (field && messages[field] === undefined) messages[field] = detail.message;
  }
  return messages;
}
