import { ApiRequestError } from '../api/client.ts';

/** Errors that mean "this link will not work": a new link is the only fix. */
const linkProblems = new Set([
  'invite_invalid',
  'invite_expired',
  'invite_revoked',
  'invite_used_up',
  'not_found',
]);

export function isInviteLinkProblem(error: unknown): boolean {
  return error instanceof ApiRequestError && linkProblems.has(error.code);
}

/** A token that cannot be one (cut short when copied) is refused without asking the server. */
export function malformedInviteError(): ApiRequestError {
  return new ApiRequestError(0, 'invite_invalid', 'The invite token is malformed.');
}
