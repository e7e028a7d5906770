/**
 * Balanced assignment of people to breakout groups, as a pure function:
 * - working language is respected: people go to a group that works in their language; only when
 *   the session has no group in that language at all do they go to any group;
 * - capacity is never exceeded; who cannot be placed is reported, not forced in;
 * - parliaments are mixed: each person goes where their parliament has the fewest members, then
 *   to the emptiest group, so delegations spread out and groups fill evenly.
 * Big delegations are placed first, while there is still room to spread them.
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

export interface BalanceResult {
  assigned: Array<{ personId: string; groupId: string }>;
  unplaced: string[];
}

const parliamentKey = (name: string) => name.trim().toLocaleLowerCase();

export function balanceGroups(
  groups: readonly BalanceGroup[],
  people: readonly BalancePerson[],
): BalanceResult {
  const state = groups.map((group) => {
    const counts = new Map<string, number>();
    for (const parliament of group.parliaments) {
      const key = parliamentKey(parliament);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return { group, size: group.parliaments.length, counts };
  });
  const languages = new Set(groups.map((group) => group.workingLanguage));

  const delegationSize = new Map<string, number>();
  for (const person of people) {
    const key = parliamentKey(person.parliament);
    delegationSize.set(key, (delegationSize.get(key) ?? 0) + 1);
  }
  const order = [...people].sort(
    (a, b) =>
      (delegationSize.get(parliamentKey(b.parliament)) ?? 0) -
        (delegationSize.get(parliamentKey(a.parliament)) ?? 0) ||
      a.parliament.localeCompare(b.parliament) ||
      a.id.localeCompare(b.id),
  );

  const result: BalanceResult = { assigned: [], unplaced: [] };
  for (const person of order) {
    const key = parliamentKey(person.parliament);
    const languageMatters = languages.has(person.language);
    let best: (typeof state)[number] | undefined;
    for (const candidate of state) {
      if (candidate.size >= candidate.group.capacity) continue;
      if (languageMatters && candidate.group.workingLanguage !== person.language) continue;
      if (!best || compare(candidate, best, key) < 0) best = candidate;
    }
    if (!best) {
      result.unplaced.push(person.id);
      continue;
    }
    best.size += 1;
    best.counts.set(key, (best.counts.get(key) ?? 0) + 1);
    result.assigned.push({ personId: person.id, groupId: best.group.id });
  }
  return result;
}

type Slot = { group: BalanceGroup; size: number; counts: Map<string, number> };

function compare(a: Slot, b: Slot, parliament: string): number {
  return (
    (a.counts.get(parliament) ?? 0) - (b.counts.get(parliament) ?? 0) ||
    a.size / a.group.capacity - b.size / b.group.capacity ||
    a.group.id.localeCompare(b.group.id)
  );
}
