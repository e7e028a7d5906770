import { describe, expect, it } from 'vitest';
import { balanceGroups, type BalanceGroup, type BalancePerson } from './balance.ts';

const group = (
  id: string,
  workingLanguage: string,
  capacity: number,
  parliaments: string[] = [],
): BalanceGroup => ({
  id,
  workingLanguage,
  capacity,
  parliaments,
});

const people = (count: number, parliament: string, language = 'en'): BalancePerson[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `${parliament}-${index}`,
    parliament,
    language,
  }));

function sizes(result: ReturnType<typeof balanceGroups>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { groupId } of result.assigned) counts[groupId] = (counts[groupId] ?? 0) + 1;
  return counts;
}

describe('balanceGroups', () => {
  it('spreads a delegation across groups and fills them evenly', () => {
    const result = balanceGroups(
      [group('a', 'en', 10), group('b', 'en', 10), group('c', 'en', 10)],
      [...people(6, 'Kenya'), ...people(3, 'Chile')],
    );
    expect(result.unplaced).toEqual([]);
    expect(sizes(result)).toEqual({ a: 3, b: 3, c: 3 });
    const kenyaPerGroup = sizes({
      assigned: result.assigned.filter(({ personId }) => personId.startsWith('Kenya')),
      unplaced: [],
    });
    expect(kenyaPerGroup).toEqual({ a: 2, b: 2, c: 2 });
  });

  it('respects working language and capacity, and reports who does not fit', () => {
    const result = balanceGroups(
      [group('en1', 'en', 2), group('fr1', 'fr', 1, ['Sénat'])],
      [...people(3, 'Ghana', 'en'), ...people(1, 'Belgique', 'fr')],
    );
    expect(result.assigned.filter(({ groupId }) => groupId === 'en1')).toHaveLength(2);
    expect(result.unplaced).toHaveLength(2); // one English speaker over capacity, the fr group is full
    expect(result.assigned.some(({ groupId }) => groupId === 'fr1')).toBe(false);
  });

  it('places people whose language no group works in anywhere there is room', () => {
    const result = balanceGroups([group('en1', 'en', 5)], people(2, 'Oman', 'ar'));
    expect(result.unplaced).toEqual([]);
    expect(sizes(result)).toEqual({ en1: 2 });
  });

  it('counts people already in a group when mixing parliaments (sizes kept even first)', () => {
    const result = balanceGroups(
      [group('a', 'en', 4, ['Kenya', 'Kenya']), group('b', 'en', 4, ['Chile', 'Chile'])],
      people(1, 'Kenya'),
    );
    expect(sizes(result)).toEqual({ b: 1 });
  });

  // Issue #9, as it was tried: the Spanish speaker took the English group's last seat.
  it('places people with a group in their language before those without one', () => {
    const groups = [group('english', 'en', 3, ['Ghana']), group('french', 'fr', 3)];
    const waiting: BalancePerson[] = [
      { id: 'sofia', parliament: 'Chile', language: 'es' },
      { id: 'emma', parliament: 'Kenya', language: 'en' },
      { id: 'liam', parliament: 'Fiji', language: 'en' },
    ];
    const result = balanceGroups(groups, waiting);
    expect(result.unplaced).toEqual([]);
    const where = Object.fromEntries(result.assigned.map((a) => [a.personId, a.groupId]));
    expect(where).toEqual({ sofia: 'french', emma: 'english', liam: 'english' });
    expect(result.assigned.find((a) => a.personId === 'sofia')?.languageMismatch).toBe(true);
    expect(result.assigned.find((a) => a.personId === 'emma')?.languageMismatch).toBe(false);
  });

  it('leaves people over when their language is full, unless asked to place everyone', () => {
    const groups = [group('english', 'en', 1), group('french', 'fr', 2)];
    const waiting = people(2, 'Kenya', 'en');
    expect(balanceGroups(groups, waiting, 'leave').unplaced).toEqual(['Kenya-1']);
    const everyone = balanceGroups(groups, waiting, 'anyGroup');
    expect(everyone.unplaced).toEqual([]);
    expect(everyone.assigned).toContainEqual({
      personId: 'Kenya-1',
      groupId: 'french',
      languageMismatch: true,
    });
  });
});
