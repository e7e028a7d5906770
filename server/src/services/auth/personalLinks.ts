import type { CreatedInvite } from '@draftroom/shared';
import { randomId } from '../../lib/ids.ts';
import type { InviteRecord, PersonRecord, Repositories } from '../../persistence/index.ts';
import { joinPathFor, scopeName, toInvite } from './inviteView.ts';
import { hashToken, newToken } from './tokens.ts';

const day = 24 * 60 * 60 * 1000;

/** How long a personal link works: an organiser's copy, or the one in a sign-in email. */
export const personalLinkValidForMs = 30 * day;

/** Makes an invite and its link; only the token's hash is stored, the link is returned once. */
export async function mintInvite(
  repos: Repositories,
  fields: Omit<InviteRecord, 'id' | 'tokenHash' | 'uses' | 'revokedAt' | 'createdAt'>,
): Promise<CreatedInvite> {
  const token = newToken();
  const record = await repos.invites.create({
    ...fields,
    id: randomId(),
    tokenHash: hashToken(token),
    uses: 0,
    revokedAt: null,
    createdAt: new Date().toISOString(),
  });
  return {
    invite: toInvite(record, await scopeName(repos, record.scope)),
    joinPath: joinPathFor(token),
  };
}

/**
 * A personal single-use link for someone already on file. No viewer: the organiser's "copy link"
 * checks who asks before calling it, and the mail outbox calls it when it sends an invitation.
 */
export function mintPersonalLink(
  repos: Repositories,
  person: PersonRecord,
  now = Date.now(),
): Promise<CreatedInvite> {
  return mintInvite(repos, {
    eventId: person.eventId,
    role: person.role,
    scope: person.scope,
    label: person.displayName,
    personId: person.id,
    expiresAt: new Date(now + personalLinkValidForMs).toISOString(),
    maxUses: 1,
  });
}
