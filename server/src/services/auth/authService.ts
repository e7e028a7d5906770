import {
  createInviteRequestSchema,
  parliamentKey,
  profileSchema,
  type CreatedInvite,
  type CreateInviteRequest,
  type InviteContact,
  type InvitePreview,
  type JoinRequest,
  type Role,
  type Scope,
} from '@draftroom/shared';
import { DomainError, conflict } from '../../lib/domainError.ts';
import { randomId } from '../../lib/ids.ts';
import type { InviteRecord, ConferenceStore, Repositories } from '../../persistence/index.ts';
import type { EventBus } from '../events/eventBus.ts';
import { roleFitsScope, type Viewer } from '../access/policy.ts';
import { requireOrganiser } from '../conference/viewer.ts';
import { scopeName, scopeNamesOf, toInvite } from './inviteView.ts';
import { mintInvite, mintPersonalLink } from './personalLinks.ts';
import { hashToken, newToken } from './tokens.ts';

export interface SignIn {
  authSessionId: string;
  personId: string;
}

export interface AuthServiceOptions {
  /** How long a sign-in (the cookie) lasts. */
  sessionTtlMs: number;
}

const day = 24 * 60 * 60 * 1000;

/** Invite links, joining, and the sign-ins (session cookies) that joining creates. */
export function createAuthService(
  persistence: ConferenceStore,
  events: EventBus,
  options: AuthServiceOptions,
) {
  const { repositories } = persistence;

  async function usableInvite(repos: Repositories, token: string): Promise<InviteRecord> {
    const invite = await repos.invites.getByTokenHash(hashToken(token));
    if (!invite) {
      throw new DomainError(
        'invite_invalid',
        'This invite link is not valid. Check that you copied the whole link, or ask the organisers for a new one.',
      );
    }
    if (invite.revokedAt) {
      throw new DomainError(
        'invite_revoked',
        'This invite link was withdrawn by the organisers. Ask them for a new one.',
      );
    }
    if (Date.parse(invite.expiresAt) <= Date.now()) {
      throw new DomainError(
        'invite_expired',
        'This invite link has expired. Ask the organisers for a new one.',
      );
    }
    if (invite.uses >= invite.maxUses) {
      throw new DomainError(
        'invite_used_up',
        'This invite link has been used as many times as it allows. Ask the organisers for a new one.',
      );
    }
    return invite;
  }

  /** Checks that the scope exists in the event and suits the role. */
  async function assertScope(eventId: string, role: Role, scope: Scope): Promise<void> {
    const invalid = (message: string) =>
      new DomainError(
        'validation_failed',
        'Some fields are not valid; correct them and try again.',
        [{ path: 'scope', message }],
      );
    if (!roleFitsScope(role, scope)) {
      throw invalid('Organisers are invited to the whole event.');
    }
    if (scope.type === 'event' && scope.id !== eventId) throw invalid('Choose this event.');
    if (scope.type === 'session') {
      const session = await repositories.sessions.get(scope.id);
      if (!session || session.eventId !== eventId) throw invalid('Choose a session of this event.');
    }
    if (scope.type === 'group') {
      const group = await repositories.groups.get(scope.id);
      const session = group && (await repositories.sessions.get(group.sessionId));
      if (!session || session.eventId !== eventId) throw invalid('Choose a group of this event.');
    }
  }

  return {
    async createInvite(viewer: Viewer, request: CreateInviteRequest): Promise<CreatedInvite> {
      requireOrganiser(viewer);
      const input = createInviteRequestSchema.parse(request);
      await assertScope(viewer.person.eventId, input.role, input.scope);
      return mintInvite(repositories, {
        eventId: viewer.person.eventId,
        role: input.role,
        scope: input.scope,
        label: input.label,
        personId: null,
        expiresAt: new Date(input.expiresAt).toISOString(),
        maxUses: input.maxUses,
      });
    },

    /** The organiser link printed at first start and by the CLI: one use, valid for a week. */
    mintOrganiserLink(
      eventId: string,
      label: string,
      validForMs = 7 * day,
    ): Promise<CreatedInvite> {
      return mintInvite(repositories, {
        eventId,
        role: 'organiser',
        scope: { type: 'event', id: eventId },
        label,
        personId: null,
        expiresAt: new Date(Date.now() + validForMs).toISOString(),
        maxUses: 1,
      });
    },

    /** A demo link of any role and scope (demo seeding only), reusable for the demo's length. */
    mintLink(
      repos: Repositories,
      fields: { eventId: string; role: Role; scope: Scope; label: string; personId?: string },
      validForMs: number,
      maxUses: number,
    ): Promise<CreatedInvite> {
      return mintInvite(repos, {
        ...fields,
        personId: fields.personId ?? null,
        expiresAt: new Date(Date.now() + validForMs).toISOString(),
        maxUses,
      });
    },

    async listInvites(viewer: Viewer) {
      requireOrganiser(viewer);
      const records = await repositories.invites.listByEvent(viewer.person.eventId);
      const nameOf = await scopeNamesOf(repositories, viewer.person.eventId);
      return records.map((record) => toInvite(record, nameOf(record.scope)));
    },

    async revokeInvite(viewer: Viewer, inviteId: string): Promise<void> {
      requireOrganiser(viewer);
      const invite = await repositories.invites.get(inviteId);
      if (!invite || invite.eventId !== viewer.person.eventId) {
        throw new DomainError('not_found', 'This invite was not found; it may have been removed.');
      }
      await repositories.invites.revoke(inviteId, new Date().toISOString());
    },

    /** Whom to write to about a link that may no longer work; see `inviteContactSchema`. */
    async contact(token: string): Promise<InviteContact> {
      const invite = await repositories.invites.getByTokenHash(hashToken(token));
      const event = invite ? await repositories.events.get(invite.eventId) : undefined;
      return { contactEmail: event?.contactEmail ?? null };
    },

    async preview(token: string): Promise<InvitePreview> {
      const invite = await usableInvite(repositories, token);
      const event = await repositories.events.get(invite.eventId);
      const person = invite.personId ? await repositories.people.get(invite.personId) : undefined;
      return {
        eventName: event?.name ?? '',
        role: invite.role,
        scope: invite.scope,
        scopeName: await scopeName(repositories, invite.scope),
        eventLanguages: event?.languages ?? [],
        expiresAt: invite.expiresAt,
        profile: person
          ? {
              displayName: person.displayName,
              parliament: person.parliament,
              country: person.country,
              preferredLanguage: person.preferredLanguage,
              email: person.email,
            }
          : null,
      };
    },

    /**
     * Uses one of the invite's uses and signs the person in: a new person for a shared link, the
     * person named by a personal link. Returns the cookie's token (only its hash is stored).
     */
    async join(
      token: string,
      request: JoinRequest,
    ): Promise<SignIn & { token: string; expiresAt: string }> {
      const profile = profileSchema.parse(request);
      const sessionToken = newToken();
      const expiresAt = new Date(Date.now() + options.sessionTtlMs).toISOString();
      const signIn = await persistence.transaction(async (repos) => {
        const invite = await usableInvite(repos, token);
        if (!(await repos.invites.consume(invite.id, new Date().toISOString()))) {
          throw new DomainError(
            'invite_used_up',
            'This invite link has just been used up. Ask the organisers for a new one.',
          );
        }
        const personId = invite.personId ?? randomId();
        const fields = {
          displayName: profile.displayName,
          parliament: profile.parliament,
          country: profile.country,
          preferredLanguage: profile.preferredLanguage,
          email: profile.email ?? null,
        };
        const existing = invite.personId ? await repos.people.get(invite.personId) : undefined;
        if (existing) {
          await repos.people.update({
            ...existing,
            ...fields,
            email: profile.email ?? existing.email,
            // Vouched for as they were: a parliament typed differently here is only declared.
            parliamentConfirmed:
              existing.parliamentConfirmed &&
              parliamentKey(existing.parliament, existing.country) ===
                parliamentKey(fields.parliament, fields.country),
          });
        } else {
          await repos.people.create({
            id: personId,
            eventId: invite.eventId,
            role: invite.role,
            scope: invite.scope,
            ...fields,
            // Typed by the person joining: the organisers (or registration) vouch for it later.
            parliamentConfirmed: false,
          });
          if (invite.scope.type === 'group')
            await joinInvitedGroup(repos, invite.scope.id, personId, invite.role);
        }
        const authSessionId = randomId();
        await repos.authSessions.create({
          id: authSessionId,
          personId,
          expiresAt,
          tokenHash: hashToken(sessionToken),
        });
        return { authSessionId, personId };
      });
      return { ...signIn, token: sessionToken, expiresAt };
    },

    /** The sign-in a cookie token belongs to, if it is still valid. */
    async authenticate(token: string | undefined): Promise<SignIn | null> {
      if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
      const session = await repositories.authSessions.findActive(
        hashToken(token),
        new Date().toISOString(),
      );
      return session ? { authSessionId: session.id, personId: session.personId } : null;
    },

    async isSignInActive(authSessionId: string): Promise<boolean> {
      return repositories.authSessions.isActive(authSessionId, new Date().toISOString());
    },

    async signOut(signIn: SignIn): Promise<void> {
      await repositories.authSessions.revoke(signIn.authSessionId, new Date().toISOString());
      events.publish('access', { kind: 'signIns', authSessionIds: [signIn.authSessionId] });
    },

    /** Ends every sign-in of a person; their open editors are disconnected at once. */
    async revokePerson(viewer: Viewer, personId: string): Promise<void> {
      requireOrganiser(viewer);
      const person = await repositories.people.get(personId);
      if (!person || person.eventId !== viewer.person.eventId) {
        throw new DomainError('not_found', 'This person was not found in your event.');
      }
      await repositories.authSessions.revokeAllFor(personId, new Date().toISOString());
      events.publish('access', { kind: 'personRevoked', personId });
    },

    /** A personal single-use link for someone already on file (imported, or lost their link). */
    async personLink(
      viewer: Viewer,
      personId: string,
      repos: Repositories = repositories,
    ): Promise<CreatedInvite> {
      requireOrganiser(viewer);
      const person = await repos.people.get(personId);
      if (!person || person.eventId !== viewer.person.eventId) {
        throw new DomainError('not_found', 'This person was not found in your event.');
      }
      return mintPersonalLink(repos, person);
    },
  };
}

/** Someone invited to one group joins it, if there is room for one more participant. */
async function joinInvitedGroup(
  repos: Repositories,
  groupId: string,
  personId: string,
  role: Role,
): Promise<void> {
  const group = await repos.groups.get(groupId);
  if (!group) return;
  if (role === 'participant' && (await repos.groups.participantCount(groupId)) >= group.capacity) {
    throw conflict(
      `The group “${group.name}” is full. Ask the organisers for a link to another group.`,
    );
  }
  await repos.groups.addMember(groupId, personId);
}

export type AuthService = ReturnType<typeof createAuthService>;
