import { describe, expect, it } from 'vitest';
import type { Me } from '@draftroom/shared';
import { onlyGroupId, sessionToStartIn } from './afterJoin.ts';

function withGroups(
  groupIds: string[],
  scope: Me['person']['scope'] = { type: 'group', id: 'g_1' },
): Me {
  return {
    person: {
      id: 'p_1',
      displayName: 'Amina',
      parliament: 'Assemblée nationale',
      country: 'SN',
      role: 'participant',
      eventId: 'e_1',
      preferredLanguage: 'fr',
      email: null,
      parliamentConfirmed: true,
      scope,
      groupIds,
    },
    capabilities: { manageEvent: false, facilitatedSessionIds: [], facilitatedGroupIds: [] },
  };
}

describe('onlyGroupId', () => {
  it('is the group when there is exactly one', () => {
    expect(onlyGroupId(withGroups(['g_1']))).toBe('g_1');
  });

  it('is null with no group or several (the programme is the place to start)', () => {
    expect(onlyGroupId(withGroups([]))).toBeNull();
    expect(onlyGroupId(withGroups(['g_1', 'g_2']))).toBeNull();
  });
});

describe('sessionToStartIn', () => {
  it('is the session a person was invited to', () => {
    expect(sessionToStartIn(withGroups([], { type: 'session', id: 's_2' }))).toBe('s_2');
  });

  it('is none for an invite to the whole event or to a group', () => {
    expect(sessionToStartIn(withGroups([], { type: 'event', id: 'e_1' }))).toBeNull();
    expect(sessionToStartIn(withGroups([], { type: 'group', id: 'g_1' }))).toBeNull();
  });
});
