import { describe, expect, it } from 'vitest';
import {
  balanceGroups,
  type BalanceGroup,
  type BalancePerson,
  type BalanceResult,
  type Leftovers,
} from './balance.ts';

/** A small seeded generator (mulberry32), so a failing session can be replayed from its seed. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  return { int, pick };
}

const allLanguages = ['en', 'fr', 'es', 'ar', 'ru'];
const parliaments = ['Kenya', 'kenya ', 'Chile', 'Ghana', 'Sénat', 'Oman', 'Peru', 'Fiji'];

/** A random session: groups (some already partly filled) and people waiting. */
function randomSession(seed: number) {
  const random = seeded(seed);
  const groupLanguages = allLanguages.slice(0, random.int(1, 4));
  const groups: BalanceGroup[] = Array.from({ length: random.int(1, 6) }, (_, index) => {
    const capacity = random.int(1, 8);
    return {
      id: `g${index}`,
      workingLanguage: random.pick(groupLanguages),
      capacity,
      parliaments: Array.from({ length: random.int(0, capacity) }, () => random.pick(parliaments)),
    };
  });
  const people: BalancePerson[] = Array.from({ length: random.int(0, 30) }, (_, index) => ({
    id: `p${index}`,
    parliament: random.pick(parliaments),
    language: random.pick(allLanguages),
  }));
  return { groups, people };
}

interface Outcome {
  size: Map<string, number>;
  room: (groupId: string) => boolean;
  placedIn: Map<string, string>;
}

function outcome(groups: readonly BalanceGroup[], result: BalanceResult): Outcome {
  const size = new Map(groups.map((group) => [group.id, group.parliaments.length]));
  const placedIn = new Map<string, string>();
  for (const { personId, groupId } of result.assigned) {
    size.set(groupId, (size.get(groupId) ?? 0) + 1);
    placedIn.set(personId, groupId);
  }
  const capacity = new Map(groups.map((group) => [group.id, group.capacity]));
  return {
    size,
    placedIn,
    room: (groupId) => (size.get(groupId) ?? 0) < (capacity.get(groupId) ?? 0),
  };
}

/** The properties every balancing must have, whatever the session. */
function checkProperties(
  groups: readonly BalanceGroup[],
  people: readonly BalancePerson[],
  leftovers: Leftovers,
) {
  const result = balanceGroups(groups, people, leftovers);
  const { size, room, placedIn } = outcome(groups, result);
  const byId = new Map(groups.map((group) => [group.id, group]));
  const languages = new Set(groups.map((group) => group.workingLanguage));

  // Everyone is either placed once or reported, never both, never lost.
  expect(result.assigned.length + result.unplaced.length).toBe(people.length);
  expect(new Set([...placedIn.keys(), ...result.unplaced]).size).toBe(people.length);

  // No group over capacity (groups already over it get nobody new).
  for (const group of groups) {
    const added = (size.get(group.id) ?? 0) - group.parliaments.length;
    if (added > 0) expect(size.get(group.id)).toBeLessThanOrEqual(group.capacity);
  }

  const person = new Map(people.map((p) => [p.id, p]));
  for (const id of result.unplaced) {
    const waiting = person.get(id) as BalancePerson;
    // Nobody left out while a group in their language has room, …
    for (const group of groups) {
      if (group.workingLanguage === waiting.language) expect(room(group.id)).toBe(false);
    }
    // … nor, when their language has no group or the organiser said "place everyone", any group.
    if (!languages.has(waiting.language) || leftovers === 'anyGroup') {
      for (const group of groups) expect(room(group.id)).toBe(false);
    }
  }

  for (const { personId, groupId, languageMismatch } of result.assigned) {
    const placed = person.get(personId) as BalancePerson;
    const group = byId.get(groupId) as BalanceGroup;
    expect(languageMismatch).toBe(group.workingLanguage !== placed.language);
    // Outside their language only if every group of it is full and the organiser allowed it.
    if (languageMismatch && languages.has(placed.language)) {
      expect(leftovers).toBe('anyGroup');
      for (const other of groups) {
        if (other.workingLanguage === placed.language) expect(room(other.id)).toBe(false);
      }
    }
    // Even sizes: no group this person could have joined was left with room and two fewer.
    const couldJoin = groups.filter((other) =>
      languageMismatch ? true : other.workingLanguage === group.workingLanguage,
    );
    for (const other of couldJoin) {
      if (room(other.id)) {
        expect(size.get(other.id) ?? 0).toBeGreaterThanOrEqual((size.get(groupId) ?? 0) - 1);
      }
    }
  }
  return result;
}

const seeds = Array.from({ length: 400 }, (_, index) => index + 1);

describe('balanceGroups over random sessions', () => {
  for (const leftovers of ['leave', 'anyGroup'] as const) {
    it(`keeps every promise with leftovers "${leftovers}" (seeds 1–${seeds.length})`, () => {
      for (const seed of seeds) {
        const { groups, people } = randomSession(seed);
        try {
          checkProperties(groups, people, leftovers);
        } catch (error) {
          throw new Error(`seed ${seed}: ${String(error)}`, { cause: error });
        }
      }
    });
  }

  it('spreads delegations: in empty groups of one language, each parliament within one', () => {
    for (const seed of seeds) {
      const random = seeded(seed);
      const count = random.int(1, 6);
      const people: BalancePerson[] = Array.from({ length: random.int(1, 40) }, (_, index) => ({
        id: `p${index}`,
        parliament: random.pick(parliaments),
        language: 'en',
      }));
      const capacity = Math.ceil(people.length / count) + random.int(0, 3);
      const groups = Array.from({ length: count }, (_, index) => ({
        id: `g${index}`,
        workingLanguage: 'en',
        capacity,
        parliaments: [],
      }));
      const result = checkProperties(groups, people, 'leave');
      expect(result.unplaced).toEqual([]);
      const perGroup = new Map<string, number>();
      for (const { personId, groupId } of result.assigned) {
        const parliament = (people.find((p) => p.id === personId) as BalancePerson).parliament;
        const key = `${parliament.trim().toLowerCase()}|${groupId}`;
        perGroup.set(key, (perGroup.get(key) ?? 0) + 1);
      }
      for (const parliament of new Set(people.map((p) => p.parliament.trim().toLowerCase()))) {
        const counts = groups.map((group) => perGroup.get(`${parliament}|${group.id}`) ?? 0);
        expect(Math.max(...counts) - Math.min(...counts), `seed ${seed}`).toBeLessThanOrEqual(1);
      }
    }
  });
});
