import { describe, expect, it } from 'vitest';
import { fallbackPresenceColor, peopleFromAwareness, samePeople } from './presence.ts';

describe('peopleFromAwareness', () => {
  const states = new Map<number, unknown>([
    [3, { user: { name: 'Zoé Martin', color: '#1d4ed8' } }],
    [1, { user: { name: '  bob ', color: '#047857' } }],
    [7, { user: { name: 'Me Myself', color: '#b91c1c' } }],
    [9, {}],
    [10, { user: { name: '   ', color: '#b91c1c' } }],
    [11, null],
    [12, { user: { name: 'Eve', color: 'url(javascript:alert(1))' } }],
  ]);

  it('puts yourself first, sorts the rest by name and skips nameless peers', () => {
    const people = peopleFromAwareness(states, 7, 'en');
    expect(people.map((p) => [p.name, p.isSelf])).toEqual([
      ['Me Myself', true],
      ['bob', false],
      ['Eve', false],
      ['Zoé Martin', false],
    ]);
    expect(people[0]?.initials).toBe('MM');
  });

  it('never passes an unchecked colour through', () => {
    const eve = peopleFromAwareness(states, 7).find((p) => p.name === 'Eve');
    expect(eve?.color).toBe(fallbackPresenceColor);
  });

  it('caps very long names', () => {
    const people = peopleFromAwareness(
      new Map([[1, { user: { name: 'x'.repeat(500), color: '#1d4ed8' } }]]),
      2,
    );
    expect(people[0]?.name.length).toBeLessThanOrEqual(60);
  });
});

describe('samePeople', () => {
  const a = peopleFromAwareness(new Map([[1, { user: { name: 'A', color: '#1d4ed8' } }]]), 1);
  it('compares what is rendered', () => {
    expect(
      samePeople(
        a,
        peopleFromAwareness(new Map([[1, { user: { name: 'A', color: '#1d4ed8' } }]]), 1),
      ),
    ).toBe(true);
    expect(
      samePeople(
        a,
        peopleFromAwareness(new Map([[1, { user: { name: 'B', color: '#1d4ed8' } }]]), 1),
      ),
    ).toBe(false);
    expect(samePeople(a, [])).toBe(false);
  });
});
