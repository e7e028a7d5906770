import type { Me } from '@draftroom/shared';

/**
 * Whether to offer the organiser screens, in the menu and at their door: organisers, and
 * facilitators of at least one session or group.
 */
export function canOrganise(me: Me | null): boolean {
  if (!me) return false;
  const { manageEvent, facilitatedSessionIds, facilitatedGroupIds } = me.capabilities;
  return manageEvent || facilitatedSessionIds.length > 0 || facilitatedGroupIds.length > 0;
}
