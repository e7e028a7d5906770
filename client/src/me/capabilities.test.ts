import { describe, expect, it } from 'vitest';
import type { Me, Role } from '@draftroom/shared';
import { canOrganise, canSelfSelect } from './capabilities.ts';

function me(role: Role, overrides: Partial<Me['capabilities']> = {}, groupIds: string[] = []): Me {
  return {
    person: {
      id: 'p_me',
      displayName: 'Amina Diallo',
      parliament: 'National Assembly',
      country: 'SN',
      role,
      eventId: 'e_1',
      preferredLanguage: 'fr',
      email: null,
      scope: { type: 'event', id: 'e_1' },
      groupIds,
    },
    capabilities: {
      manageEvent: false,
      facilitatedSessionIds: [],
      facilitatedGroupIds: [],
      ...overrides,
    },
  };
}

describe('canOrganise', () => {
  it('is offered to organisers and to facilitators of a session or a group only', () => {
    expect(canOrganise(null)).toBe(false);
    expect(canOrganise(me('participant'))).toBe(false);
    expect(canOrganise(me('organiser', { manageEvent: true }))).toBe(true);
    expect(canOrganise(me('facilitator', { facilitatedSessionIds: ['s_1'] }))).toBe(true);
    expect(canOrganise(me('facilitator', { facilitatedGroupIds: ['g_1'] }))).toBe(true);
    expect(canOrganise(me('facilitator'))).toBe(false);
  });
});

describe('canSelfSelect', () => {
  const open = { selfSelect: true };
  const groups = [
    { id: 'g_1', members: [{ id: 'p_other' }] },
    { id: 'g_2', members: [] },
  ];

  it('lets a participant with no group in the session choose one', () => {
    expect(canSelfSelect(me('participant'), open, groups)).toBe(true);
  });

  it('not when the session assigns groups, or for other roles', () => {
    expect(canSelfSelect(me('participant'), { selfSelect: false }, groups)).toBe(false);
    expect(canSelfSelect(me('observer'), open, groups)).toBe(false);
    expect(canSelfSelect(me('facilitator'), open, groups)).toBe(false);
    expect(canSelfSelect(null, open, groups)).toBe(false);
  });

  it('not when already in one of the session’s groups (by membership or by group id)', () => {
    expect(canSelfSelect(me('participant', {}, ['g_2']), open, groups)).toBe(false);
    const withMe = [{ id: 'g_1', members: [{ id: 'p_me' }] }];
    expect(canSelfSelect(me('participant'), open, withMe)).toBe(false);
    // A group of another session does not count.
    expect(canSelfSelect(me('participant', {}, ['g_elsewhere']), open, groups)).toBe(true);
  });
});
