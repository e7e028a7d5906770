import { describe, expect, it } from 'vitest';
import {
  autoAssignValidFor,
  awaitingAutoAssign,
  describeAutoAssign,
  groupsSignature,
  seatsTaken,
  eligibleForSession,
  matchesQuery,
  seatsLeft,
  unassignedPeople,
} from './membership.ts';
import { testGroup, testPerson, testSessionDetail } from './testData.ts';

describe('unassignedPeople', () => {
  const ana = testPerson('p1', { displayName: 'Ana' });
  const bea = testPerson('p2', { displayName: 'Béa' });
  const carl = testPerson('p3', { displayName: 'Carl' });
  const organiser = testPerson('p4', { displayName: 'Olga', role: 'organiser' });
  const elsewhere = testPerson('p5', { scope: { type: 'session', id: 'session-2' } });
  const inGroup = testPerson('p6', { displayName: 'Dan', scope: { type: 'group', id: 'g2' } });
  const detail = testSessionDetail([testGroup('g1', [carl]), testGroup('g2')]);

  it('lists eligible people in none of the session’s groups, by name', () => {
    const people = [carl, bea, organiser, elsewhere, inGroup, ana];
    expect(unassignedPeople(people, detail, 'en').map((p) => p.displayName)).toEqual([
      'Ana',
      'Béa',
      'Dan',
    ]);
  });

  it('follows the scope of each person’s invite', () => {
    expect(eligibleForSession(elsewhere, detail)).toBe(false);
    expect(
      eligibleForSession(testPerson('x', { scope: { type: 'session', id: 'session-1' } }), detail),
    ).toBe(true);
    expect(
      eligibleForSession(testPerson('y', { scope: { type: 'group', id: 'other' } }), detail),
    ).toBe(false);
    expect(eligibleForSession(organiser, detail)).toBe(false);
  });
});

describe('awaitingAutoAssign', () => {
  it('counts only the participants balancing will place', () => {
    const people = [
      testPerson('a'),
      testPerson('b', { role: 'observer' }),
      testPerson('c', { scope: { type: 'session', id: 'session-1' } }),
      testPerson('d', { scope: { type: 'session', id: 'session-2' } }),
      testPerson('e', { scope: { type: 'group', id: 'g1' } }),
    ];
    expect(awaitingAutoAssign(people, 'session-1').map((p) => p.id)).toEqual(['a', 'c']);
  });
});

describe('describeAutoAssign', () => {
  it('names who went where and who could not be placed', () => {
    const people = [
      testPerson('p1', { displayName: 'Ana' }),
      testPerson('p2', { displayName: 'Bo' }),
    ];
    const summary = describeAutoAssign(
      {
        assigned: [{ personId: 'p1', groupId: 'g1', languageMismatch: true }],
        unplaced: ['p2', 'p9'],
      },
      people,
      [testGroup('g1')],
    );
    expect(summary).toEqual({
      placed: [{ personId: 'p1', name: 'Ana', groupName: 'Group g1', languageMismatch: true }],
      unplaced: [
        { personId: 'p2', name: 'Bo' },
        { personId: 'p9', name: 'p9' },
      ],
    });
  });
});

describe('autoAssignValidFor', () => {
  it('holds for the groups before and after its own placements, not after other changes', () => {
    const ana = testPerson('p1');
    const before = [testGroup('g1', [ana]), testGroup('g2')];
    const [then, landed] = autoAssignValidFor(before, {
      assigned: [{ personId: 'p2', groupId: 'g2', languageMismatch: false }],
      unplaced: ['p3'],
    });
    expect(groupsSignature(before)).toBe(then);
    const afterReload = [testGroup('g2', [testPerson('p2')]), testGroup('g1', [ana])];
    expect(groupsSignature(afterReload)).toBe(landed);
    const raised = [afterReload[0]!, { ...afterReload[1]!, capacity: 99 }];
    expect([then, landed]).not.toContain(groupsSignature(raised));
    const moved = [testGroup('g1', [ana, testPerson('p3')]), testGroup('g2', [testPerson('p2')])];
    expect([then, landed]).not.toContain(groupsSignature(moved));
  });
});

describe('matchesQuery', () => {
  const person = testPerson('p1', {
    displayName: 'Hélène Dupont',
    parliament: 'Sénat',
    country: 'FR',
    email: 'helene@senat.example',
  });

  it('matches every word, ignoring case and accents', () => {
    expect(matchesQuery(person, '')).toBe(true);
    expect(matchesQuery(person, 'helene senat')).toBe(true);
    expect(matchesQuery(person, 'DUPONT fr')).toBe(true);
    expect(matchesQuery(person, 'dupont kenya')).toBe(false);
  });
});

describe('seats', () => {
  it('counts participants only, and never goes below zero', () => {
    const facilitator = testPerson('f', { role: 'facilitator' });
    const group = testGroup('g', [testPerson('a'), testPerson('b'), facilitator], 5);
    expect(seatsTaken(group)).toBe(2);
    expect(seatsLeft(group)).toBe(3);
    expect(seatsLeft(testGroup('g', [testPerson('a'), testPerson('b')], 1))).toBe(0);
  });
});
