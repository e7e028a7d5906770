import { describe, expect, it } from 'vitest';
import { reviewStatuses, type ReviewStatus } from '@draftroom/shared';
import type { PersonRecord } from '../../persistence/index.ts';
import {
  canMoveReview,
  guidePermission,
  reviewActorOf,
  reviewMovesFor,
  type Viewer,
} from './policy.ts';
import { isReviewMove } from './reviewMoves.ts';

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

const people = {
  organiser: viewer('organiser', { type: 'event', id: 'e1' }),
  otherEventOrganiser: viewer('organiser', { type: 'event', id: 'e2' }, [], 'e2'),
  facilitatorOfGroup: viewer('facilitator', { type: 'group', id: 'g1' }),
  facilitatorOfSession: viewer('facilitator', { type: 'session', id: 's1' }),
  facilitatorMember: viewer('facilitator', { type: 'session', id: 's2' }, ['g1']),
  facilitatorElsewhere: viewer('facilitator', { type: 'session', id: 's2' }),
  participant: viewer('participant', { type: 'group', id: 'g1' }, ['g1']),
  observer: viewer('observer', { type: 'event', id: 'e1' }, ['g1']),
};
type Who = keyof typeof people;
const facilitators: Who[] = ['facilitatorOfGroup', 'facilitatorOfSession', 'facilitatorMember'];

/**
 * The rules written out move by move, independently of the code's table: for every
 * from → to, who may make it. Anything not here is no move at all.
 */
const expected: Partial<Record<`${ReviewStatus}→${ReviewStatus}`, Who[]>> = {
  'drafting→ready': [...facilitators, 'organiser'],
  'ready→changes_requested': ['organiser'],
  'ready→approved': ['organiser'],
  'ready→drafting': [...facilitators, 'organiser'],
  'changes_requested→ready': [...facilitators, 'organiser'],
  'changes_requested→drafting': ['organiser'],
  'approved→published': ['organiser'],
  'approved→changes_requested': ['organiser'],
  'approved→drafting': ['organiser'],
  'published→drafting': ['organiser'],
};

describe('the review table: every from × to × person', () => {
  for (const from of reviewStatuses) {
    for (const to of reviewStatuses) {
      const allowed = expected[`${from}→${to}`];
      it(`${from} → ${to}: ${allowed ? allowed.join(', ') : 'nobody'}`, () => {
        expect(isReviewMove(from, to)).toBe(allowed !== undefined);
        for (const who of Object.keys(people) as Who[]) {
          expect(canMoveReview(people[who], place, from, to), who).toBe(
            allowed?.includes(who) ?? false,
          );
        }
      });
    }
  }

  it('offers each person exactly the moves they may make', () => {
    for (const from of reviewStatuses) {
      for (const who of Object.keys(people) as Who[]) {
        const offered = reviewMovesFor(people[who], place, from);
        const mayMake = reviewStatuses.filter((to) => expected[`${from}→${to}`]?.includes(who));
        expect(new Set(offered), `${who} at ${from}`).toEqual(new Set(mayMake));
      }
    }
  });

  it('names the actor: organisers of the event, facilitators who manage the group, nobody else', () => {
    expect(reviewActorOf(people.organiser, place)).toBe('organiser');
    expect(reviewActorOf(people.otherEventOrganiser, place)).toBeNull();
    for (const who of facilitators) expect(reviewActorOf(people[who], place)).toBe('facilitator');
    expect(reviewActorOf(people.facilitatorElsewhere, place)).toBeNull();
    expect(reviewActorOf(people.participant, place)).toBeNull();
    expect(reviewActorOf(people.observer, place)).toBeNull();
  });
});

describe('a published guide is read-only for everyone but the organisers', () => {
  it.each([
    ['organiser', 'write', 'write'],
    ['facilitatorOfGroup', 'write', 'read'],
    ['facilitatorMember', 'write', 'read'],
    ['participant', 'write', 'read'],
    ['observer', 'read', 'read'],
    ['facilitatorElsewhere', null, null],
    ['otherEventOrganiser', null, null],
  ] as const)('%s: %s before, %s once published', (who, before, after) => {
    expect(guidePermission(people[who], place, false, false)).toBe(before);
    expect(guidePermission(people[who], place, false, true)).toBe(after);
    // A lock on top changes nothing more for them.
    expect(guidePermission(people[who], place, true, true)).toBe(after);
  });
});
