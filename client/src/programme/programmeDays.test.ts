import { describe, expect, it } from 'vitest';
import { groupByLocalDay } from './programmeDays.ts';
import { testSession } from './testSessions.ts';

describe('groupByLocalDay', () => {
  const sessions = [
    testSession({ id: 'late', startsAt: '2021-06-16T22:30:00Z', endsAt: '2021-06-16T23:30:00Z' }),
    testSession({ id: 'b', startsAt: '2021-06-16T13:00:00Z', endsAt: '2021-06-16T15:00:00Z' }),
    testSession({ id: 'a', startsAt: '2021-06-16T13:00:00Z', endsAt: '2021-06-16T14:00:00Z' }),
    testSession({ id: 'next', startsAt: '2021-06-17T09:00:00Z', endsAt: '2021-06-17T10:00:00Z' }),
  ];

  const shape = (timeZone: string) =>
    groupByLocalDay(sessions, timeZone).map((day) => [day.key, day.sessions.map((s) => s.id)]);

  it('groups by UTC day for a viewer on UTC, in time order', () => {
    expect(shape('UTC')).toEqual([
      ['2021-06-16', ['a', 'b', 'late']],
      ['2021-06-17', ['next']],
    ]);
  });

  it('moves a late session to the next day for a viewer east of UTC', () => {
    expect(shape('Africa/Nairobi')).toEqual([
      ['2021-06-16', ['a', 'b']],
      ['2021-06-17', ['late', 'next']],
    ]);
  });

  it('moves an early session to the previous day for a viewer west of UTC', () => {
    const early = testSession({ id: 'early', startsAt: '2021-06-17T03:00:00Z' });
    const days = groupByLocalDay([early], 'America/Mexico_City');
    expect(days.map((day) => day.key)).toEqual(['2021-06-16']);
  });

  it('gives no days for no sessions', () => {
    expect(groupByLocalDay([], 'UTC')).toEqual([]);
  });
});
