import { closeCodes, type ApiErrorCode, type CloseCode } from '@draftroom/shared';

/**
 * An error a person can act on, thrown by services: a stable code and a sentence saying what to
 * do. It knows nothing of transports; `httpStatusOf` and `closeCodeOf` below are the one place
 * a code becomes an HTTP status or a websocket close code.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Array<{ path: string; message: string }>,
  ) {
    super(message);
  }

  /** For `rate_limited`: when to try again (sent as Retry-After). */
  retryAfterSeconds?: number;
}

export const notFound = (what: string) =>
  new DomainError('not_found', `${what} was not found. Check the link, or go back to the list.`);

export const forbidden = (what: string) =>
  new DomainError('forbidden', `${what} Ask an organiser if you need this.`);

export const conflict = (message: string) => new DomainError('conflict', message);

export const unauthenticated = () =>
  new DomainError(
    'unauthenticated',
    'You are not signed in, or your sign-in has ended. Open your invite link again to continue.',
  );

/** The HTTP status of every error code (the compiler checks none is missing). */
const httpStatuses: Record<ApiErrorCode, number> = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_path: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  review_stale: 409,
  already_voted: 409,
  practice_stale: 409,
  registration_closed: 409,
  registration_link_invalid: 404,
  invite_invalid: 404,
  invite_expired: 410,
  invite_revoked: 410,
  invite_used_up: 410,
  device_link_invalid: 404,
  device_link_used: 410,
  device_link_expired: 410,
  payload_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
  export_unavailable: 503,
};

export const httpStatusOf = (code: ApiErrorCode): number => httpStatuses[code];

/**
 * The close code for a websocket that meets this error. Refusals at the upgrade are answered
 * with the HTTP status instead (a guide of another event must look like no guide: 404); these
 * are for connections already open, which a websocket can only close.
 */
export function closeCodeOf(code: ApiErrorCode): CloseCode {
  switch (code) {
    case 'unauthenticated':
      return closeCodes.unauthenticated;
    case 'payload_too_large':
      return closeCodes.documentTooLarge;
    case 'rate_limited':
      return closeCodes.rateLimited;
    case 'internal_error':
      return closeCodes.internalError;
    default:
      // Not found, forbidden, any refusal: this person may not (or no longer) use this guide.
      return closeCodes.forbidden;
  }
}
