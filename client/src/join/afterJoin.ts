import type { Me } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';

/** The one group a newcomer belongs to, if exactly one: their guide is where they start. */
export function onlyGroupId(me: Me): string | null {
  const [first, ...rest] = me.person.groupIds;
  return first !== undefined && rest.length === 0 ? first : null;
}

/**
 * The session someone without a group starts in: the one their invite was for. Its page offers
 * them the group chooser if the server says they may choose (`capabilities.chooseGroup`).
 */
export function sessionToStartIn(me: Me): string | null {
  return me.person.scope.type === 'session' ? me.person.scope.id : null;
}

/**
 * Where to go once joined: straight into the group's guide for someone placed in exactly one
 * group; else the session they were invited to choose a group in; else the programme.
 */
export async function pathAfterJoin(me: Me, signal?: AbortSignal): Promise<string> {
  const groupId = onlyGroupId(me);
  if (groupId === null) {
    const sessionId = sessionToStartIn(me);
    return sessionId === null ? '/programme' : `/sessions/${encodeURIComponent(sessionId)}`;
  }
  try {
    const group = await callApi('getGroup', { params: { groupId }, signal });
    return `/g/${encodeURIComponent(group.guideId)}`;
  } catch {
    // Joined all the same: the programme leads to the group, so do not stop on this page.
    return '/programme';
  }
}
