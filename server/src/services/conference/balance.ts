import type { AutoAssignLeftovers } from '@draftroom/shared';

/**
 * Balanced assignment of people to breakout groups, as a pure function, in three passes:
 * 1. everyone with a group in their working language goes to one of those groups;
 * 2. then those whose language no group works in go into the room that is left, anywhere;
 * 3. then, only if the organiser asked for it (`leftovers: 'anyGroup'`), whoever is still left
 *    over (every group of their language full) goes to any group with room.
 * Doing the language-bound people first matters: placed earlier, people who could sit anywhere
 * used to take the last seats of the only groups others could join, leaving those out.
 *
 * Within a pass each person goes to the smallest group they may join (so sizes stay as even as
 * capacities and languages allow), then to where their parliament has the fewest members (so
 * delegations spread out). Big delegations are placed first, each delegation in one run, while
 * there is still room to spread them. Capacity is never exceeded; who cannot be placed is
 * reported, not forced in; a placement outside the person's language is marked as such.
 */
export interface BalanceGroup {
  id: string;
  workingLanguage: string;
  capacity: number;
  /** Parliaments of the participants already in the group. */
  parliaments: readonly string[];
}

export interface BalancePerson {
  id: string;
  parliament: string;
  language: string;
}

/** What to do with people still left over when every group of their language is full. */
export type Leftovers = AutoAssignLeftovers;

export interface BalanceResult {
  assigned: Array<{ personId: string; groupId: string; languageMismatch: boolean }>;
  unplaced: string[];
}

const parliamentKey = (name: string) => name.trim().toLocaleLowerCase();

interface Slot {
  group: BalanceGroup;
  size: number;
  counts: Map<string, number>;
}

export function balanceGroups(
  groups: readonly BalanceGroup[],
  people: readonly BalancePerson[],
  leftovers: Leftovers = 'leave',
): BalanceResult {
  const slots: Slot[] = groups.map((group) => {
    const counts = new Map<string, number>();
    for (const parliament of group.parliaments) {
      const key = parliamentKey(parliament);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return { group, size: group.parliaments.length, counts };
  });
  const languages = new Set(groups.map((group) => group.workingLanguage));
  const result: BalanceResult = { assigned: [], unplaced: [] };

  /** Places each person in the best slot `allowed` for them; returns those who found none. */
  const pass = (
    persons: readonly BalancePerson[],
    allowed: (slot: Slot, person: BalancePerson) => boolean,
  ): BalancePerson[] => {
    const left: BalancePerson[] = [];
    for (const person of delegationOrder(persons)) {
      const key = parliamentKey(person.parliament);
      let best: Slot | undefined;
      for (const slot of slots) {
        if (slot.size >= slot.group.capacity || !allowed(slot, person)) continue;
        if (!best || compare(slot, best, key) < 0) best = slot;
      }
      if (!best) {
        left.push(person);
        continue;
      }
      best.size += 1;
      best.counts.set(key, (best.counts.get(key) ?? 0) + 1);
      result.assigned.push({
        personId: person.id,
        groupId: best.group.id,
        languageMismatch: best.group.workingLanguage !== person.language,
      });
    }
    return left;
  };

  const withGroup = people.filter((person) => languages.has(person.language));
  const withoutGroup = people.filter((person) => !languages.has(person.language));
  const sameLanguage = (slot: Slot, person: BalancePerson) =>
    slot.group.workingLanguage === person.language;
  const anywhere = () => true;

  const overflow = pass(withGroup, sameLanguage);
  const noRoom = pass(withoutGroup, anywhere);
  const stillLeft = leftovers === 'anyGroup' ? pass(overflow, anywhere) : overflow;
  result.unplaced = [...noRoom, ...stillLeft].map((person) => person.id);
  return result;
}

/** Biggest delegations first, each delegation's members one after another. */
function delegationOrder(people: readonly BalancePerson[]): BalancePerson[] {
  const size = new Map<string, number>();
  for (const person of people) {
    const key = parliamentKey(person.parliament);
    size.set(key, (size.get(key) ?? 0) + 1);
  }
  return people
    .map((person) => ({ person, key: parliamentKey(person.parliament) }))
    .sort(
      (a, b) =>
        (size.get(b.key) ?? 0) - (size.get(a.key) ?? 0) ||
        a.key.localeCompare(b.key) ||
        a.person.id.localeCompare(b.person.id),
    )
    .map(({ person }) => person);
}

function compare(a: Slot, b: Slot, parliament: string): number {
  return (
    a.size - b.size ||
    (a.counts.get(parliament) ?? 0) - (b.counts.get(parliament) ?? 0) ||
    a.size / a.group.capacity - b.size / b.group.capacity ||
    a.group.id.localeCompare(b.group.id)
  );
}
