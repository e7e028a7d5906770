import { describe, expect, it } from 'vitest';
import type { Me } from '@draftroom/shared';
import { onlyGroupId } from './afterJoin.ts';

function withGroups(groupIds: string[]): Me {
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
      scope: { type: 'group', id: 'g_1' },
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
