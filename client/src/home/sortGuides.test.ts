import { describe, expect, it } from 'vitest';
import type { Guide } from '@draftroom/shared';
import { testSession } from '../programme/testSessions.ts';
import { sortGuides } from './sortGuides.ts';

function guide(id: string, title: string, sessionId: string | null): Guide {
  return {
    id,
    title,
    createdAt: '2021-06-01T00:00:00Z',
    groupId: null,
    sessionId,
    permission: 'write',
    lock: null,
    canLock: false,
    review: { status: 'drafting', changedAt: null },
  };
}

describe('sortGuides', () => {
  it('orders by session start, then title; unknown sessions last', () => {
    const sessions = new Map([
      ['early', testSession({ id: 'early', startsAt: '2021-06-16T09:00:00Z' })],
      ['late', testSession({ id: 'late', startsAt: '2021-06-17T09:00:00Z' })],
    ]);
    const sorted = sortGuides(
      [
        guide('1', 'Zeta', 'late'),
        guide('2', 'Orphan', null),
        guide('3', 'Beta', 'early'),
        guide('4', 'Alpha', 'early'),
        guide('5', 'Gone', 'deleted'),
      ],
      sessions,
    );
    expect(sorted.map((g) => g.title)).toEqual(['Alpha', 'Beta', 'Zeta', 'Gone', 'Orphan']);
  });
});
