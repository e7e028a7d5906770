import type { ConferenceSession } from '@draftroom/shared';
import { forbidden, notFound } from '../../lib/domainError.ts';
import type { GroupRecord, Repositories } from '../../persistence/index.ts';
import { canAdministerEvent, type GroupPlace, type Viewer } from '../access/policy.ts';

/** The signed-in person with their group memberships, read fresh for each request. */
export async function loadViewer(repositories: Repositories, personId: string): Promise<Viewer> {
  const person = await repositories.people.get(personId);
  if (!person) throw notFound('This person');
  return { person, groupIds: await repositories.groups.groupIdsOf(personId) };
}

/**
 * A session of the viewer's own event. Anything in another event is "not found", not
 * "forbidden": whether it exists is none of the caller's business.
 */
export async function sessionInEvent(
  repositories: Repositories,
  viewer: Viewer,
  sessionId: string,
): Promise<ConferenceSession> {
  const session = await repositories.sessions.get(sessionId);
  if (!session || session.eventId !== viewer.person.eventId) throw notFound('This session');
  return session;
}

export async function groupInEvent(
  repositories: Repositories,
  viewer: Viewer,
  groupId: string,
): Promise<{ group: GroupRecord; session: ConferenceSession; place: GroupPlace }> {
  const group = await repositories.groups.get(groupId);
  const session = group && (await repositories.sessions.get(group.sessionId));
  if (!group || !session || session.eventId !== viewer.person.eventId) {
    throw notFound('This group');
  }
  return { group, session, place: placeOf(group, session) };
}

export const placeOf = (group: GroupRecord, session: ConferenceSession): GroupPlace => ({
  eventId: session.eventId,
  sessionId: session.id,
  groupId: group.id,
});

export function requireOrganiser(viewer: Viewer): void {
  if (!canAdministerEvent(viewer)) throw forbidden('Only organisers can do this.');
}
