import type { BreakoutGroup, ConferenceSession, Me } from '@draftroom/shared';

/**
 * What the organiser screens offer whom. The server enforces every rule again; these only decide
 * what to show, so a facilitator is not offered buttons that would answer "forbidden". Who may
 * open these screens at all is `canOrganise` (me/capabilities.ts), which the main menu asks too.
 */

/** Organisers manage everything in their event. */
export function managesEvent(me: Me): boolean {
  return me.capabilities.manageEvent;
}

/** Create groups in a session and balance its participants across them. */
export function managesSession(me: Me, sessionId: string): boolean {
  return managesEvent(me) || me.capabilities.facilitatedSessionIds.includes(sessionId);
}

/** Rename a group, change its capacity, put people in it or take them out. */
export function managesGroup(me: Me, group: Pick<BreakoutGroup, 'id' | 'sessionId'>): boolean {
  return (
    managesSession(me, group.sessionId) || me.capabilities.facilitatedGroupIds.includes(group.id)
  );
}

/**
 * The sessions this person may work on: all of them for an organiser; for a facilitator, those
 * they facilitate and those holding a group they facilitate (`groupSessionIds`, looked up from
 * their groups, since capabilities name groups without their session).
 */
export function visibleSessions(
  me: Me,
  sessions: readonly ConferenceSession[],
  groupSessionIds: ReadonlySet<string>,
): ConferenceSession[] {
  if (managesEvent(me)) return [...sessions];
  const ids = new Set([...me.capabilities.facilitatedSessionIds, ...groupSessionIds]);
  return sessions.filter((session) => ids.has(session.id));
}
