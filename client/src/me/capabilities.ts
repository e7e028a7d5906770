import type { Me } from '@draftroom/shared';

/** Whether to offer the organiser screens: organisers, and facilitators of anything. */
export function canOrganise(me: Me | null): boolean {
  if (!me) return false;
  const { manageEvent, facilitatedSessionIds, facilitatedGroupIds } = me.capabilities;
  return manageEvent || facilitatedSessionIds.length > 0 || facilitatedGroupIds.length > 0;
}
