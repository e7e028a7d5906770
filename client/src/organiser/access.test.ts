import { describe, expect, it } from 'vitest';
import type { ConferenceSession, Me } from '@draftroom/shared';
import { canOrganise as mayOrganise } from '../me/capabilities.ts';
import { managesGroup, managesSession, visibleSessions } from './access.ts';

function me(capabilities: Partial<Me['capabilities']>): Me {
  return {
    person: {
      id: 'person-1',
      eventId: 'event-1',
      displayName: 'Amina',
      parliament: 'Parliament of Kenya',
      country: 'KE',
      role: 'facilitator',
      preferredLanguage: 'en',
      email: null,
      parliamentConfirmed: true,
      scope: { type: 'event', id: 'event-1' },
      groupIds: [],
    },
    capabilities: {
      manageEvent: false,
      facilitatedSessionIds: [],
      facilitatedGroupIds: [],
      ...capabilities,
    },
  };
}

const session = (id: string) => ({ id }) as ConferenceSession;

describe('access', () => {
  it('lets organisers do everything', () => {
    const organiser = me({ manageEvent: true });
    expect(mayOrganise(organiser)).toBe(true);
    expect(managesSession(organiser, 's1')).toBe(true);
    expect(managesGroup(organiser, { id: 'g1', sessionId: 's1' })).toBe(true);
    expect(visibleSessions(organiser, [session('s1'), session('s2')], new Set())).toHaveLength(2);
  });

  it('limits a session facilitator to that session and its groups', () => {
    const facilitator = me({ facilitatedSessionIds: ['s1'] });
    expect(mayOrganise(facilitator)).toBe(true);
    expect(managesSession(facilitator, 's1')).toBe(true);
    expect(managesSession(facilitator, 's2')).toBe(false);
    expect(managesGroup(facilitator, { id: 'g1', sessionId: 's1' })).toBe(true);
    expect(managesGroup(facilitator, { id: 'g2', sessionId: 's2' })).toBe(false);
    const visible = visibleSessions(facilitator, [session('s1'), session('s2')], new Set());
    expect(visible.map((s) => s.id)).toEqual(['s1']);
  });

  it('limits a group facilitator to that group, shown within its session', () => {
    const facilitator = me({ facilitatedGroupIds: ['g2'] });
    expect(managesSession(facilitator, 's2')).toBe(false);
    expect(managesGroup(facilitator, { id: 'g2', sessionId: 's2' })).toBe(true);
    expect(managesGroup(facilitator, { id: 'g3', sessionId: 's2' })).toBe(false);
    const visible = visibleSessions(facilitator, [session('s1'), session('s2')], new Set(['s2']));
    expect(visible.map((s) => s.id)).toEqual(['s2']);
  });

  it('keeps participants out', () => {
    expect(mayOrganise(me({}))).toBe(false);
  });
});
