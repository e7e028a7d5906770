import { describe, expect, it } from 'vitest';
import { filterFromParams, filterSessions, filterToParams, isFiltered } from './filters.ts';
import { testSession } from './testSessions.ts';

describe('programme filters', () => {
  const debate = testSession({
    id: 'd',
    kind: 'thought-leader-debate',
    audience: ['social-media'],
  });
  const workshop = testSession({
    id: 'w',
    kind: 'co-creation',
    audience: ['social-media', 'library-research'],
  });
  const exchange = testSession({ id: 'x', kind: 'good-practice-exchange', audience: [] });
  const all = [debate, workshop, exchange];
  const ids = (sessions: { id: string }[]) => sessions.map((s) => s.id);

  it('keeps everything when nothing is chosen', () => {
    const none = { kind: null, audience: null };
    expect(ids(filterSessions(all, none))).toEqual(['d', 'w', 'x']);
    expect(isFiltered(none)).toBe(false);
  });

  it('filters by kind, by audience tag, and by both', () => {
    expect(ids(filterSessions(all, { kind: 'co-creation', audience: null }))).toEqual(['w']);
    expect(ids(filterSessions(all, { kind: null, audience: 'social-media' }))).toEqual(['d', 'w']);
    expect(
      ids(filterSessions(all, { kind: 'thought-leader-debate', audience: 'library-research' })),
    ).toEqual([]);
  });

  it('round-trips through the address and ignores unknown values', () => {
    const filter = { kind: 'co-creation' as const, audience: 'social-media' as const };
    expect(filterFromParams(filterToParams(filter))).toEqual(filter);
    expect(filterFromParams(new URLSearchParams('kind=party&audience=toString'))).toEqual({
      kind: null,
      audience: null,
    });
    expect(filterToParams({ kind: null, audience: null }).toString()).toBe('');
  });
});
