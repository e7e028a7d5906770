import { describe, expect, it } from 'vitest';
import {
  filterFromParams,
  filterSessions,
  filterToParams,
  isFiltered,
  isForAudiences,
  noFilter,
} from './filters.ts';
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
    expect(ids(filterSessions(all, noFilter))).toEqual(['d', 'w', 'x']);
    expect(isFiltered(noFilter)).toBe(false);
  });

  it('filters by kind, by audience tag, and by both', () => {
    expect(ids(filterSessions(all, { ...noFilter, kind: 'co-creation' }))).toEqual(['w']);
    expect(ids(filterSessions(all, { ...noFilter, audience: 'social-media' }))).toEqual(['d', 'w']);
    expect(
      ids(
        filterSessions(all, {
          ...noFilter,
          kind: 'thought-leader-debate',
          audience: 'library-research',
        }),
      ),
    ).toEqual([]);
  });

  it('round-trips through the address and ignores unknown values', () => {
    const filter = { kind: 'co-creation' as const, audience: 'social-media' as const, mine: true };
    expect(filterFromParams(filterToParams(filter))).toEqual(filter);
    expect(filterToParams(filter).toString()).toBe('kind=co-creation&audience=social-media&mine=1');
    expect(filterFromParams(new URLSearchParams('kind=party&audience=toString&mine=yes'))).toEqual(
      noFilter,
    );
    expect(filterToParams(noFilter).toString()).toBe('');
  });
});

describe('the audiences a person follows', () => {
  const debate = testSession({ id: 'd', audience: ['social-media', 'citizen-engagement'] });
  const library = testSession({ id: 'l', audience: ['library-research'] });
  const untagged = testSession({ id: 'u', audience: [] });
  const all = [debate, library, untagged];
  const ids = (sessions: { id: string }[]) => sessions.map((s) => s.id);

  it('marks a session meant for any one of them, and none for someone who follows none', () => {
    expect(isForAudiences(debate, ['citizen-engagement'])).toBe(true);
    expect(isForAudiences(debate, ['library-research', 'social-media'])).toBe(true);
    expect(isForAudiences(library, ['social-media'])).toBe(false);
    expect(isForAudiences(untagged, ['social-media'])).toBe(false);
    expect(isForAudiences(debate, [])).toBe(false);
  });

  it('"only my audiences" keeps those sessions, and combines with the other filters', () => {
    const mine = { ...noFilter, mine: true };
    expect(isFiltered(mine)).toBe(true);
    expect(ids(filterSessions(all, mine, ['social-media', 'library-research']))).toEqual([
      'd',
      'l',
    ]);
    expect(ids(filterSessions(all, mine, ['digital-ict']))).toEqual([]);
    expect(
      ids(filterSessions(all, { ...mine, audience: 'library-research' }, ['social-media'])),
    ).toEqual([]);
    // Off, the person's audiences change nothing.
    expect(ids(filterSessions(all, noFilter, ['social-media']))).toEqual(['d', 'l', 'u']);
  });
});
