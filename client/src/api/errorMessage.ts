import type { ApiErrorCode } from '@draftroom/shared';
import type { ClientErrorCode } from './client.ts';

/**
 * Maps an API error code to the translation key of a message that says what to do next. Unknown
 * codes (a newer server) get a generic message rather than the server's English text.
 */
const keys = {
  validation_failed: 'errors.api.validation_failed',
  not_found: 'errors.api.not_found',
  unauthenticated: 'errors.api.unauthenticated',
  forbidden: 'errors.api.forbidden',
  conflict: 'errors.api.conflict',
  rate_limited: 'errors.api.rate_limited',
  invite_invalid: 'errors.api.invite_invalid',
  invite_expired: 'errors.api.invite_expired',
  invite_revoked: 'errors.api.invite_revoked',
  invite_used_up: 'errors.api.invite_used_up',
  device_link_invalid: 'errors.api.device_link_invalid',
  device_link_expired: 'errors.api.device_link_expired',
  device_link_used: 'errors.api.device_link_used',
  invalid_json: 'errors.api.invalid_json',
  invalid_path: 'errors.api.invalid_path',
  bad_request: 'errors.api.bad_request',
  payload_too_large: 'errors.api.payload_too_large',
  internal_error: 'errors.api.internal_error',
  network_error: 'errors.api.network_error',
  invalid_response: 'errors.api.invalid_response',
} as const satisfies Record<ApiErrorCode | ClientErrorCode, string>;

export type ApiErrorMessageKey = (typeof keys)[keyof typeof keys] | 'errors.api.unknown';

export function apiErrorMessageKey(code: string): ApiErrorMessageKey {
  return Object.hasOwn(keys, code) ? keys[code as keyof typeof keys] : 'errors.api.unknown';
}
