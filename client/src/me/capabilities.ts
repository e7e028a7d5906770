import type { Me } from '@draftroom/shared';

/** Whether to offer the organiser screens: organisers, and facilitators of anything. */
export function canOrganise(me: Me | null): boolean {
  if (!me) return false;
  const { manageEvent, facilitatedSessionIds, facilitatedGroupIds } = me.capabilities;
  return manageEvent || facilitatedSessionIds.length > 0 || facilitatedGroupIds.length > 0;
}

/**
 * Whether to offer "Join this group" in a session: a participant who may choose their own group
 * and is in none of this session's groups yet. The server checks again (and the group's room).
 */
export function canSelfSelect(
  me: Me | null,
  session: { selfSelect: boolean },
  groups: readonly { id: string; members: readonly { id: string }[] }[],
): boolean {
  if (!me || !session.selfSelect || me.person.role !== 'participant') return false;
  const mine = new Set(me.person.groupIds);
  return !groups.some(
    (group) => mine.has(group.id) || group.members.some((member) => member.id === me.person.id),
  );
}
