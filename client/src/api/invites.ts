import {
  apiPath,
  invitePreviewSchema,
  meSchema,
  type InvitePreview,
  type JoinRequest,
  type Me,
} from '@draftroom/shared';
import { requestJson } from './client.ts';

/** What an invite link leads to, before anyone joins with it (no sign-in needed). */
export function getInvitePreview(token: string, signal?: AbortSignal): Promise<InvitePreview> {
  return requestJson(apiPath('invitePreview', { token }), invitePreviewSchema, { signal });
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
