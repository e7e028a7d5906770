import { z } from 'zod';

/** Stable error codes returned by the REST API; the client maps each to a translated message. */
export const apiErrorCodes = [
  'validation_failed',
  'not_found',
  /** No valid sign-in: join with an invite link first. */
  'unauthenticated',
  /** Signed in, but this person's role does not allow it. */
  'forbidden',
  /** The request clashes with the current state (a full group, a session that still has groups). */
  'conflict',
  /** A review move whose `from` is no longer the guide's status: someone moved it first. */
  'review_stale',
  /** A second vote for the same question, or a second ballot in the same poll. */
  'already_voted',
  /** A practice saved, reviewed or merged from a revision that is no longer its latest. */
  'practice_stale',
  /**
   * A registration link used after the deadline (or before registration opened): the message
   * says whom to contact.
   */
  'registration_closed',
  /** A registration link that is unknown, or was replaced by a newer one. */
  'registration_link_invalid',
  'rate_limited',
  /** The invite link is unknown, expired, revoked or used up. */
  'invite_invalid',
  'invite_expired',
  'invite_revoked',
  'invite_used_up',
  /** A device link or code that is unknown (or mistyped), expired or already used. */
  'device_link_invalid',
  'device_link_expired',
  'device_link_used',
  'invalid_json',
  /** The URL's path has broken percent-encoding (`%c0%ae`, a lone `%`): fix the link. */
  'invalid_path',
  /** Any other request the server cannot read (an unsupported body encoding or charset). */
  'bad_request',
  'payload_too_large',
  /** This server cannot write the format asked for now (no browser to print PDFs): try another. */
  'export_unavailable',
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
