import { describe, expect, it } from 'vitest';
import type { Me, Role } from '@draftroom/shared';
import { canOrganise } from './capabilities.ts';

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
      parliamentConfirmed: true,
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
