import type { ApiErrorCode } from '@draftroom/shared';

/**
 * An error a client can act on: a stable code, an HTTP status and a sentence for people saying
 * what to do. Services throw it; the HTTP layer turns it into the response body.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Array<{ path: string; message: string }>,
  ) {
    super(message);
  }

  /** For 429: when to try again (sent as Retry-After). */
  retryAfterSeconds?: number;
}

export const notFound = (what: string) =>
  new AppError(404, 'not_found', `${what} was not found. Check the link, or go back to the list.`);

export const forbidden = (what: string) =>
  new AppError(403, 'forbidden', `${what} Ask an organiser if you need this.`);

export const conflict = (message: string) => new AppError(409, 'conflict', message);
