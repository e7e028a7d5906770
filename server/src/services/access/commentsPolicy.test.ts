import { describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../persistence/index.ts';
import {
  canComment,
  canDeleteComment,
  canModerateComments,
  canReadComments,
  canResolveThread,
  guidePermission,
  type Viewer,
} from './policy.ts';

const place = { eventId: 'e1', sessionId: 's1', groupId: 'g1' };

function viewer(
  role: PersonRecord['role'],
  scope: PersonRecord['scope'],
  groupIds: string[] = [],
  eventId = 'e1',
  id = 'p',
): Viewer {
  return {
    person: {
      id,
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

describe('comments', () => {
  // Who reads and writes comments, and who moderates them, for each kind of person, on a guide
  // as it is (open), locked, and published: commenting follows reading, never writing.
  const people = [
    ['organiser', true, true, viewer('organiser', { type: 'event', id: 'e1' })],
    [
      'organiser of another event',
      false,
      false,
      viewer('organiser', { type: 'event', id: 'e2' }, [], 'e2'),
    ],
    [
      'facilitator of the session',
      true,
      true,
      viewer('facilitator', { type: 'session', id: 's1' }),
    ],
    [
      'facilitator of another session',
      false,
      false,
      viewer('facilitator', { type: 'session', id: 's2' }),
    ],
    [
      'participant in the group',
      true,
      false,
      viewer('participant', { type: 'event', id: 'e1' }, ['g1']),
    ],
    [
      'participant of another group',
      false,
      false,
      viewer('participant', { type: 'event', id: 'e1' }, ['g2']),
    ],
    ['observer of the event', true, false, viewer('observer', { type: 'event', id: 'e1' })],
    [
      'observer of another session',
      false,
      false,
      viewer('observer', { type: 'session', id: 's2' }),
    ],
  ] as const;

  for (const [locked, published] of [
    [false, false],
    [true, false],
    [false, true],
  ] as const) {
    it.each(people)(
      `%s (locked ${locked}, published ${published}): comments %s, moderates %s`,
      (_name, comments, moderates, who) => {
        const permission = guidePermission(who, place, locked, published);
        expect(canReadComments(permission)).toBe(comments);
        expect(canComment(permission)).toBe(comments);
        expect(canModerateComments(who, place, permission)).toBe(moderates);
      },
    );
  }

  it('a guide without a group is moderated by whoever may write it (its organisers)', () => {
    const organiser = viewer('organiser', { type: 'event', id: 'e1' });
    expect(canModerateComments(organiser, null, 'write')).toBe(true);
    expect(canModerateComments(organiser, null, 'read')).toBe(false);
    expect(canModerateComments(organiser, null, null)).toBe(false);
  });

  it.each([
    ['the author, not moderating', 'p', false, true],
    ['someone else, not moderating', 'q', false, false],
    ['someone else, moderating', 'q', true, true],
  ] as const)('resolve and delete: %s → %s', (_name, authorId, moderates, expected) => {
    const who = viewer('participant', { type: 'event', id: 'e1' }, ['g1']);
    expect(canResolveThread(who, authorId, moderates)).toBe(expected);
    expect(canDeleteComment(who, authorId, moderates)).toBe(expected);
  });
});
