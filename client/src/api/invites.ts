import {
  apiPath,
  inviteContactSchema,
  invitePreviewSchema,
  meSchema,
  type InviteContact,
  type InvitePreview,
  type JoinRequest,
  type Me,
} from '@draftroom/shared';
import { requestJson } from './client.ts';

/** What an invite link leads to, before anyone joins with it (no sign-in needed). */
export function getInvitePreview(token: string, signal?: AbortSignal): Promise<InvitePreview> {
  return requestJson(apiPath('invitePreview', { token }), invitePreviewSchema, { signal });
}

/** Whom to write to about a link, also one that no longer works (no sign-in needed). */
export function getInviteContact(token: string, signal?: AbortSignal): Promise<InviteContact> {
  return requestJson(apiPath('inviteContact', { token }), inviteContactSchema, { signal });
}

/** Joins as a new person; the server sets the session cookie and answers with who you now are. */
export function joinWithInvite(
  token: string,
  profile: JoinRequest,
  signal?: AbortSignal,
): Promise<Me> {
  return requestJson(apiPath('join', { token }), meSchema, {
    method: 'POST',
    body: profile,
    signal,
  });
}
