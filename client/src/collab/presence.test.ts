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
    expect(people[0]?.name.length).toBe(80);
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

describe('one entry per person', () => {
  const stamped = (name: string, id: string, color: string, role = 'participant') => ({
    user: { name, color, id, role },
  });

  it('groups the devices of one person, counting them', () => {
    const people = peopleFromAwareness(
      new Map<number, unknown>([
        [1, stamped('Amina Diallo', 'p_amina', '#1d4ed8')],
        [2, stamped('Amina Diallo', 'p_amina', '#1d4ed8')],
        [3, stamped('Bruno Costa', 'p_bruno', '#047857', 'observer')],
        [4, { user: { name: 'Old client', color: '#b91c1c' } }],
      ]),
      99,
      'en',
    );
    expect(people.map((p) => [p.name, p.devices, p.role])).toEqual([
      ['Amina Diallo', 2, 'participant'],
      ['Bruno Costa', 1, 'observer'],
      ['Old client', 1, null],
    ]);
  });

  it('merges your own devices into your entry, in the colour the others see', () => {
    const people = peopleFromAwareness(
      new Map<number, unknown>([
        // This browser's own state: the colour it chose for itself, before the server's.
        [7, { user: { name: 'Me', color: '#b91c1c', id: 'p_me', role: 'facilitator' } }],
        [8, stamped('Me', 'p_me', '#7e22ce', 'facilitator')],
        [9, stamped('Zoé', 'p_zoe', '#b91c1c')],
      ]),
      7,
      'en',
      'p_me',
    );
    expect(people[0]).toMatchObject({ name: 'Me', isSelf: true, devices: 2, color: '#7e22ce' });
    expect(people).toHaveLength(2);
  });

  it('ignores a role it does not know and an id that cannot be one', () => {
    const [person] = peopleFromAwareness(
      new Map<number, unknown>([
        [1, { user: { name: 'X', color: '#1d4ed8', id: 'y'.repeat(500), role: 'admin' } }],
      ]),
      2,
    );
    expect(person).toMatchObject({ key: 'client:1', role: null });
  });
});
