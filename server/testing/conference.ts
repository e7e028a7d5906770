import type {
  BreakoutGroup,
  ConferenceSession,
  CreatedInvite,
  Role,
  Scope,
} from '@draftroom/shared';
import { ApiClient } from './apiClient.ts';

/**
 * Setting up a conference through the REST API, as an organiser does in the UI: a co-creation
 * session, its groups (each with its guide), and invite links for people to join with.
 */
export async function createCoCreationSession(
  organiser: ApiClient,
  title = 'Co-creation workshop',
  options: { selfSelect?: boolean; templateId?: string | null; languages?: string[] } = {},
): Promise<ConferenceSession> {
  return organiser.expect<ConferenceSession>(201, 'POST', '/api/sessions', {
    title,
    description: '',
    kind: 'co-creation',
    audience: [],
    startsAt: '2021-06-18T12:00:00Z',
    endsAt: '2021-06-18T14:00:00Z',
    languages: options.languages ?? ['en'],
    selfSelect: options.selfSelect ?? false,
    templateId: options.templateId ?? null,
  });
}

export async function createGroup(
  organiser: ApiClient,
  sessionId: string,
  name = 'Group',
  options: { capacity?: number; workingLanguage?: string } = {},
): Promise<BreakoutGroup> {
  return organiser.expect<BreakoutGroup>(201, 'POST', `/api/sessions/${sessionId}/groups`, {
    name,
    workingLanguage: options.workingLanguage ?? 'en',
    capacity: options.capacity ?? 50,
  });
}

export async function createInvite(
  organiser: ApiClient,
  role: Role,
  scope: Scope,
  options: { maxUses?: number; label?: string; expiresAt?: string } = {},
): Promise<CreatedInvite> {
  return organiser.expect<CreatedInvite>(201, 'POST', '/api/invites', {
    role,
    scope,
    label: options.label ?? `${role} link`,
    expiresAt: options.expiresAt ?? new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString(),
    maxUses: options.maxUses ?? 100,
  });
}

/** A session with one group; returns the group (its `guideId` is the document to open). */
export async function createGuide(
  organiser: ApiClient,
  name = 'Test guide',
): Promise<BreakoutGroup> {
  const session = await createCoCreationSession(organiser, `${name} session`);
  return createGroup(organiser, session.id, name);
}

/**
 * A new group of the session with `participants` people joined through its participant invite,
 * as the tests of features on one group's guide (locks, review, comments) start.
 */
export async function groupWithParticipants(
  organiser: ApiClient,
  serverUrl: string,
  sessionId: string,
  name: string,
  participants = 1,
): Promise<{ group: BreakoutGroup; participants: ApiClient[] }> {
  const group = await createGroup(organiser, sessionId, name);
  const invite = await createInvite(organiser, 'participant', { type: 'group', id: group.id });
  const joined: ApiClient[] = [];
  for (let index = 0; index < participants; index++) {
    joined.push(await ApiClient.join(serverUrl, invite.joinPath));
  }
  return { group, participants: joined };
}
