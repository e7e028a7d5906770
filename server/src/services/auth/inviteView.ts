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

/**
 * The names of every scope in one event, read in three queries, so listing invites costs the same
 * for 5 invites as for 500 (one lookup per invite was the N+1 the invite list had).
 */
export async function scopeNamesOf(
  repositories: Repositories,
  eventId: string,
): Promise<(scope: Scope) => string> {
  const event = await repositories.events.get(eventId);
  const sessions = await repositories.sessions.listByEvent(eventId);
  const groups = await repositories.groups.listBySessions(sessions.map((session) => session.id));
  const sessionTitles = new Map(sessions.map((session) => [session.id, session.title]));
  const groupNames = new Map(groups.map((group) => [group.id, group.name]));
  return (scope) => {
    switch (scope.type) {
      case 'event':
        return scope.id === eventId ? (event?.name ?? '') : '';
      case 'session':
        return sessionTitles.get(scope.id) ?? '';
      case 'group':
        return groupNames.get(scope.id) ?? '';
    }
  };
}

export function toInvite(record: InviteRecord, scopeName: string): Invite {
  return {
    id: record.id,
    eventId: record.eventId,
    role: record.role,
    scope: record.scope,
    scopeName,
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
