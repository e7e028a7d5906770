import type { Invite, Scope } from '@draftroom/shared';
import type { InviteRecord, Repositories } from '../../persistence/index.ts';

/** What a scope is called, for invite lists and the join page. */
export async function scopeName(repositories: Repositories, scope: Scope): Promise<string> {
  switch (scope.type) {
    case 'event':
      return (await repositories.events.get(scope.id))?.name ?? '';
    case 'session':
      return (await repositories.sessions.get(scope.id))?.title ?? '';
    case 'group':
      return (await repositories.groups.get(scope.id))?.name ?? '';
  }
}

export async function toInvite(repositories: Repositories, record: InviteRecord): Promise<Invite> {
  return {
    id: record.id,
    eventId: record.eventId,
    role: record.role,
    scope: record.scope,
    scopeName: await scopeName(repositories, record.scope),
    label: record.label,
    personId: record.personId,
    expiresAt: record.expiresAt,
    maxUses: record.maxUses,
    uses: record.uses,
    revoked: record.revokedAt !== null,
    createdAt: record.createdAt,
  };
}

export const joinPathFor = (token: string) => `/join/${token}`;
