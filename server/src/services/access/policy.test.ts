import { describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../persistence/index.ts';
import {
  canAdministerEvent,
  canChooseGroup,
  canListPeople,
  canManageTemplates,
  canManageGroup,
  canManageSession,
  canMoveMember,
  canReadVersions,
  canReadGuideContent,
  canRemoveGroup,
  canRestoreVersion,
  canSaveVersion,
  canSeeAttendance,
  canSeeDashboard,
  canSeeEmails,
  canStartFromTemplate,
  demotesSelf,
  guidePermission,
  canLockGuide,
  guideRefusal,
  roleFitsScope,
  takesSeat,
  type Viewer,
} from './policy.ts';

const place = { eventId: 'e1', sessionId: 's1', groupId: 'g1' };

function viewer(
  role: PersonRecord['role'],
  scope: PersonRecord['scope'],
  groupIds: string[] = [],
  eventId = 'e1',
): Viewer {
  return {
    person: {
      id: 'p',
      eventId,
      displayName: 'P',
      parliament: 'X',
      country: 'FR',
      preferredLanguage: 'en',
      email: null,
      parliamentConfirmed: true,
      role,
      scope,
    },
    groupIds,
  };
}

describe('guidePermission', () => {
  it.each([
    ['organiser anywhere in the event', viewer('organiser', { type: 'event', id: 'e1' }), 'write'],
    [
      'organiser of another event',
      viewer('organiser', { type: 'event', id: 'e2' }, [], 'e2'),
      null,
    ],
    ['facilitator of the session', viewer('facilitator', { type: 'session', id: 's1' }), 'write'],
    ['facilitator of another session', viewer('facilitator', { type: 'session', id: 's2' }), null],
    ['facilitator of the group', viewer('facilitator', { type: 'group', id: 'g1' }), 'write'],
    [
      'participant in the group',
      viewer('participant', { type: 'session', id: 's1' }, ['g1']),
      'write',
    ],
    [
      'participant in another group',
      viewer('participant', { type: 'session', id: 's1' }, ['g2']),
      null,
    ],
    [
      'participant with group scope but removed',
      viewer('participant', { type: 'group', id: 'g1' }),
      null,
    ],
    ['observer of the event', viewer('observer', { type: 'event', id: 'e1' }), 'read'],
    ['observer of another group', viewer('observer', { type: 'group', id: 'g2' }), null],
    [
      'observer placed in the group',
      viewer('observer', { type: 'group', id: 'g2' }, ['g1']),
      'read',
    ],
  ] as const)('%s → %s', (_name, who, expected) => {
    expect(guidePermission(who, place)).toBe(expected);
  });

  it.each([
    ['organiser', viewer('organiser', { type: 'event', id: 'e1' }), 'write'],
    ['facilitator of the session', viewer('facilitator', { type: 'session', id: 's1' }), 'write'],
    [
      'facilitator placed in the group',
      viewer('facilitator', { type: 'event', id: 'e9' }, ['g1']),
      'write',
    ],
    [
      'participant in the group',
      viewer('participant', { type: 'group', id: 'g1' }, ['g1']),
      'read',
    ],
    [
      'participant in another group',
      viewer('participant', { type: 'group', id: 'g2' }, ['g2']),
      null,
    ],
    ['observer of the event', viewer('observer', { type: 'event', id: 'e1' }), 'read'],
  ] as const)('locked guide: %s → %s', (_name, who, expected) => {
    expect(guidePermission(who, place, true)).toBe(expected);
  });
});

describe('canLockGuide', () => {
  it.each([
    ['organiser', viewer('organiser', { type: 'event', id: 'e1' }), true],
    [
      'organiser of another event',
      viewer('organiser', { type: 'event', id: 'e2' }, [], 'e2'),
      false,
    ],
    ['facilitator of the session', viewer('facilitator', { type: 'session', id: 's1' }), true],
    ['facilitator of another session', viewer('facilitator', { type: 'session', id: 's2' }), false],
    ['facilitator of the group', viewer('facilitator', { type: 'group', id: 'g1' }), true],
    ['participant in the group', viewer('participant', { type: 'group', id: 'g1' }, ['g1']), false],
    ['observer of the event', viewer('observer', { type: 'event', id: 'e1' }), false],
  ] as const)('%s → %s', (_name, who, expected) => {
    expect(canLockGuide(who, place)).toBe(expected);
  });
});

describe('management', () => {
  it('lets facilitators manage only what they reach', () => {
    expect(canManageGroup(viewer('facilitator', { type: 'group', id: 'g1' }), place)).toBe(true);
    expect(canManageGroup(viewer('facilitator', { type: 'group', id: 'g2' }), place)).toBe(false);
    expect(canManageSession(viewer('facilitator', { type: 'group', id: 'g1' }), place)).toBe(false);
    expect(canManageSession(viewer('facilitator', { type: 'session', id: 's1' }), place)).toBe(
      true,
    );
    expect(canManageGroup(viewer('participant', { type: 'group', id: 'g1' }, ['g1']), place)).toBe(
      false,
    );
  });
});

describe('canMoveMember', () => {
  const g2 = { ...place, groupId: 'g2' };
  const g3 = { ...place, groupId: 'g3' };
  it.each([
    ['organiser, from a sibling', viewer('organiser', { type: 'event', id: 'e1' }), [g2], true],
    [
      'facilitator of the session',
      viewer('facilitator', { type: 'session', id: 's1' }),
      [g2, g3],
      true,
    ],
    [
      'facilitator of the group, nobody to leave',
      viewer('facilitator', { type: 'group', id: 'g1' }),
      [],
      true,
    ],
    [
      'facilitator of the group, from a sibling',
      viewer('facilitator', { type: 'group', id: 'g1' }),
      [g2],
      false,
    ],
    [
      'facilitator of the group and member of the sibling',
      viewer('facilitator', { type: 'group', id: 'g1' }, ['g2']),
      [g2],
      true,
    ],
    [
      '…but not of a third group also left',
      viewer('facilitator', { type: 'group', id: 'g1' }, ['g2']),
      [g2, g3],
      false,
    ],
    [
      'facilitator of the sibling only',
      viewer('facilitator', { type: 'group', id: 'g2' }),
      [g2],
      false,
    ],
    ['participant', viewer('participant', { type: 'session', id: 's1' }, ['g1']), [], false],
    [
      'organiser of another event',
      viewer('organiser', { type: 'event', id: 'e2' }, [], 'e2'),
      [],
      false,
    ],
  ] as const)('%s → %s', (_name, who, leaving, expected) => {
    expect(canMoveMember(who, place, leaving)).toBe(expected);
  });
});

describe('guideRefusal', () => {
  const organiser = viewer('organiser', { type: 'event', id: 'e1' });
  const participant = viewer('participant', { type: 'session', id: 's1' });
  it.each([
    ['a guide of their own event', participant, { eventId: 'e1' }, 'forbidden'],
    ['a guide of another event', organiser, { eventId: 'e2' }, 'not_found'],
    ['a guide of no event', organiser, { eventId: null }, 'not_found'],
    ['no guide at all', participant, undefined, 'not_found'],
  ] as const)('%s → %s', (_name, who, guide, expected) => {
    expect(guideRefusal(who, guide)).toBe(expected);
  });
});

describe('event-wide rules by role', () => {
  const roles = ['organiser', 'facilitator', 'participant', 'observer'] as const;
  const expected = {
    canAdministerEvent: {
      organiser: true,
      facilitator: false,
      participant: false,
      observer: false,
    },
    canListPeople: { organiser: true, facilitator: true, participant: false, observer: false },
    canSeeEmails: { organiser: true, facilitator: false, participant: false, observer: false },
    canManageTemplates: {
      organiser: true,
      facilitator: false,
      participant: false,
      observer: false,
    },
    takesSeat: { organiser: false, facilitator: false, participant: true, observer: false },
  } as const;
  it.each(roles)('%s', (role) => {
    const who = viewer(role, { type: 'event', id: 'e1' });
    expect({
      canAdministerEvent: canAdministerEvent(who),
      canListPeople: canListPeople(who),
      canSeeEmails: canSeeEmails(who),
      canManageTemplates: canManageTemplates(who),
      takesSeat: takesSeat(role),
    }).toEqual({
      canAdministerEvent: expected.canAdministerEvent[role],
      canListPeople: expected.canListPeople[role],
      canSeeEmails: expected.canSeeEmails[role],
      canManageTemplates: expected.canManageTemplates[role],
      takesSeat: expected.takesSeat[role],
    });
  });
});

describe('canRemoveGroup', () => {
  it.each([
    ['organiser of the event', viewer('organiser', { type: 'event', id: 'e1' }), true],
    [
      'organiser of another event',
      viewer('organiser', { type: 'event', id: 'e2' }, [], 'e2'),
      false,
    ],
    ['facilitator of the group', viewer('facilitator', { type: 'group', id: 'g1' }), false],
  ] as const)('%s → %s', (_name, who, expected) => {
    expect(canRemoveGroup(who, place)).toBe(expected);
  });
});

describe('canChooseGroup, before choosing', () => {
  const open = { eventId: 'e1', sessionId: 's1', selfSelect: true };
  it.each([
    ['participant of the event', viewer('participant', { type: 'event', id: 'e1' }), open, true],
    [
      'participant of the session',
      viewer('participant', { type: 'session', id: 's1' }),
      open,
      true,
    ],
    [
      'participant of another session',
      viewer('participant', { type: 'session', id: 's2' }),
      open,
      false,
    ],
    [
      'participant invited to a group',
      viewer('participant', { type: 'group', id: 'g1' }),
      open,
      false,
    ],
    [
      'participant, session without choice',
      viewer('participant', { type: 'session', id: 's1' }),
      { ...open, selfSelect: false },
      false,
    ],
    [
      'participant of another event',
      viewer('participant', { type: 'event', id: 'e2' }, [], 'e2'),
      { ...open, eventId: 'e1' },
      false,
    ],
    [
      'facilitator of the session',
      viewer('facilitator', { type: 'session', id: 's1' }),
      open,
      false,
    ],
    ['observer of the session', viewer('observer', { type: 'session', id: 's1' }), open, false],
  ] as const)('%s → %s', (_name, who, session, expected) => {
    expect(canChooseGroup(who, session, [])).toBe(expected);
  });
});

describe('demotesSelf and roleFitsScope', () => {
  const me = viewer('organiser', { type: 'event', id: 'e1' });
  it.each([
    ['own role to facilitator', 'p', 'facilitator', true],
    ['own role kept', 'p', 'organiser', false],
    ['no role change', 'p', undefined, false],
    ['someone else to observer', 'q', 'observer', false],
  ] as const)('%s → %s', (_name, personId, role, expected) => {
    expect(demotesSelf(me, personId, role)).toBe(expected);
  });
  it.each([
    ['organiser', { type: 'event', id: 'e1' }, true],
    ['organiser', { type: 'session', id: 's1' }, false],
    ['organiser', { type: 'group', id: 'g1' }, false],
    ['participant', { type: 'group', id: 'g1' }, true],
    ['facilitator', { type: 'session', id: 's1' }, true],
  ] as const)('%s invited to %o → %s', (role, scope, expected) => {
    expect(roleFitsScope(role, scope)).toBe(expected);
  });
});

describe('canChooseGroup', () => {
  const session = { eventId: 'e1', sessionId: 's1', selfSelect: true };
  it.each([
    ['a participant of the event', viewer('participant', { type: 'event', id: 'e1' }), true],
    [
      'a participant invited to this session',
      viewer('participant', { type: 'session', id: 's1' }),
      true,
    ],
    [
      'a participant invited to another session',
      viewer('participant', { type: 'session', id: 's2' }),
      false,
    ],
    ['a participant invited to a group', viewer('participant', { type: 'group', id: 'g1' }), false],
    [
      'a participant already in a group here',
      viewer('participant', { type: 'event', id: 'e1' }, ['g2']),
      false,
    ],
    ['an observer', viewer('observer', { type: 'event', id: 'e1' }), false],
    ['a facilitator', viewer('facilitator', { type: 'session', id: 's1' }), false],
    [
      'a participant of another event',
      viewer('participant', { type: 'event', id: 'e2' }, [], 'e2'),
      false,
    ],
  ])('%s: %s', (_who, who, expected) => {
    expect(canChooseGroup(who, session, ['g1', 'g2'])).toBe(expected);
  });

  it('is never allowed when the session does not let participants choose', () => {
    const who = viewer('participant', { type: 'event', id: 'e1' });
    expect(canChooseGroup(who, { ...session, selfSelect: false }, ['g1'])).toBe(false);
  });
});

describe('version history', () => {
  // Follows the permission on the guide: readers list and open, writers save and restore.
  it.each([
    ['write', true, true, true],
    ['read', true, false, false],
    [null, false, false, false],
  ] as const)('permission %s: read %s, save %s, restore %s', (permission, read, save, restore) => {
    expect(canReadVersions(permission)).toBe(read);
    expect(canSaveVersion(permission)).toBe(save);
    expect(canRestoreVersion(permission)).toBe(restore);
  });
});

describe('canReadGuideContent', () => {
  // The reading rule itself: a comparison never shows a guide the person could not open.
  it.each([
    ['write', true],
    ['read', true],
    [null, false],
  ] as const)('permission %s: %s', (permission, expected) => {
    expect(canReadGuideContent(permission)).toBe(expected);
  });
});

describe('canStartFromTemplate', () => {
  it('never starts a published guide from a template (a reader opening it triggers this)', () => {
    expect(canStartFromTemplate('published')).toBe(false);
    for (const status of ['drafting', 'ready', 'changes_requested', 'approved'] as const) {
      expect(canStartFromTemplate(status)).toBe(true);
    }
  });
});

describe('canSeeDashboard', () => {
  it.each([
    ['organiser of the event', viewer('organiser', { type: 'event', id: 'e1' }), true],
    [
      'organiser of another event',
      viewer('organiser', { type: 'event', id: 'e2' }, [], 'e2'),
      false,
    ],
    ['facilitator of the whole event', viewer('facilitator', { type: 'event', id: 'e1' }), false],
    ['facilitator of a session', viewer('facilitator', { type: 'session', id: 's1' }), false],
    ['participant', viewer('participant', { type: 'group', id: 'g1' }, ['g1']), false],
    ['observer of the event', viewer('observer', { type: 'event', id: 'e1' }), false],
  ])('%s', (_name, who, expected) => {
    expect(canSeeDashboard(who, 'e1')).toBe(expected);
  });
});

describe('canSeeAttendance', () => {
  const session = { eventId: 'e1', sessionId: 's1' };
  it.each([
    ['organiser of the event', viewer('organiser', { type: 'event', id: 'e1' }), true],
    [
      'organiser of another event',
      viewer('organiser', { type: 'event', id: 'e2' }, [], 'e2'),
      false,
    ],
    ['facilitator of the whole event', viewer('facilitator', { type: 'event', id: 'e1' }), true],
    ['facilitator of the session', viewer('facilitator', { type: 'session', id: 's1' }), true],
    ['facilitator of another session', viewer('facilitator', { type: 'session', id: 's2' }), false],
    ['facilitator of one of its groups', viewer('facilitator', { type: 'group', id: 'g1' }), true],
    ['facilitator of another group', viewer('facilitator', { type: 'group', id: 'g9' }), false],
    [
      'participant of one of its groups',
      viewer('participant', { type: 'group', id: 'g1' }, ['g1']),
      false,
    ],
    ['observer of the event', viewer('observer', { type: 'event', id: 'e1' }), false],
  ])('%s → %s', (_name, who, expected) => {
    expect(canSeeAttendance(who, session, ['g1', 'g2'])).toBe(expected);
  });
});
