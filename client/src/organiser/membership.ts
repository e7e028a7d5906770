import type {
  AutoAssignResult,
  BreakoutGroup,
  Member,
  Person,
  SessionDetail,
} from '@draftroom/shared';

/**
 * Who may be put into a session's groups: anyone but organisers whose invite reached this
 * session (the whole event, the session itself, or one of its groups).
 */
export function eligibleForSession(person: Person, detail: SessionDetail): boolean {
  if (person.role === 'organiser') return false;
  switch (person.scope.type) {
    case 'event':
      return true;
    case 'session':
      return person.scope.id === detail.session.id;
    case 'group':
      return detail.groups.some((group) => group.id === person.scope.id);
  }
}

/** The session's eligible people who are in none of its groups, by name. */
export function unassignedPeople(
  people: readonly Person[],
  detail: SessionDetail,
  locale: string,
): Person[] {
  // Group members are the fresher source: they come with the session just reloaded.
  const assigned = new Set(detail.groups.flatMap((group) => group.members.map((m) => m.id)));
  return people
    .filter((person) => eligibleForSession(person, detail) && !assigned.has(person.id))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, locale));
}

/**
 * The unassigned, split as the page shows them: participants (the "Not in a group yet" list and
 * its count, the same people the "waiting for a group" figure counts) and the facilitators and
 * observers who may also be put in a group by hand but take no seat and wait for nothing.
 */
export function splitUnassigned(unassigned: readonly Person[]): {
  participants: Person[];
  others: Person[];
} {
  return {
    participants: unassigned.filter((person) => person.role === 'participant'),
    others: unassigned.filter((person) => person.role !== 'participant'),
  };
}

/**
 * Of the unassigned, those "Balance automatically" will place: participants whose invite reached
 * the whole event or this session (the server's rule). Observers and facilitators are placed by
 * hand, and people invited to one group join it when they sign in.
 */
export function awaitingAutoAssign(unassigned: readonly Person[], sessionId: string): Person[] {
  return unassigned.filter(
    (person) =>
      person.role === 'participant' &&
      (person.scope.type === 'event' ||
        (person.scope.type === 'session' && person.scope.id === sessionId)),
  );
}

export interface AutoAssignSummary {
  placed: { personId: string; name: string; groupName: string; languageMismatch: boolean }[];
  unplaced: { personId: string; name: string }[];
}

/** Names for the ids in an auto-assign result (an id stays visible if the name is unknown). */
export function describeAutoAssign(
  result: AutoAssignResult,
  people: readonly (Person | Member)[],
  groups: readonly BreakoutGroup[],
): AutoAssignSummary {
  const names = new Map(people.map((person) => [person.id, person.displayName]));
  const groupNames = new Map(groups.map((group) => [group.id, group.name]));
  return {
    placed: result.assigned.map(({ personId, groupId, languageMismatch }) => ({
      personId,
      name: names.get(personId) ?? personId,
      groupName: groupNames.get(groupId) ?? groupId,
      languageMismatch,
    })),
    unplaced: result.unplaced.map((personId) => ({
      personId,
      name: names.get(personId) ?? personId,
    })),
  };
}

type GroupShape = Pick<BreakoutGroup, 'id' | 'capacity'> & { members: readonly { id: string }[] };

/** Who is in which group with what capacity, as one comparable string. */
export function groupsSignature(groups: readonly GroupShape[]): string {
  return groups
    .map((group) => {
      const members = group.members.map((member) => member.id).sort();
      return `${group.id}:${group.capacity}:${members.join(',')}`;
    })
    .sort()
    .join('|');
}

/**
 * The groups a balancing result holds for: as they were when it ran, and as they are once its
 * placements land. Any other state (someone moved, a capacity raised, a group added) makes its
 * "could not be placed" list stale, so the page drops it instead of showing an outdated verdict.
 */
export function autoAssignValidFor(
  before: readonly BreakoutGroup[],
  result: AutoAssignResult,
): [before: string, after: string] {
  const after = before.map((group) => {
    const added = result.assigned.filter((placement) => placement.groupId === group.id);
    return {
      ...group,
      members: [...group.members, ...added.map(({ personId }) => ({ id: personId }))],
    };
  });
  return [groupsSignature(before), groupsSignature(after)];
}

function fold(text: string): string {
  // "Sénat" matches "senat": organisers type names as they remember them.
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** A search box over people: every word must appear in the name, parliament, country or email. */
export function matchesQuery(
  person: Pick<Person, 'displayName' | 'parliament' | 'country'> & { email?: string | null },
  query: string,
): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(
    [person.displayName, person.parliament, person.country, person.email ?? ''].join(' '),
  );
  return words.every((word) => haystack.includes(word));
}

/** Capacity counts participants only: facilitators and observers in a group take no seat. */
export function seatsTaken(group: BreakoutGroup): number {
  return group.members.filter((member) => member.role === 'participant').length;
}

export function seatsLeft(group: BreakoutGroup): number {
  return Math.max(0, group.capacity - seatsTaken(group));
}
