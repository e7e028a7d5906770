import { describe, expect, it } from 'vitest';
import { builtInTemplateId, sessionInputSchema, type ConferenceSession } from '@draftroom/shared';
import {
  newSessionValues,
  outsideEventDays,
  sessionFormValues,
  toSessionInput,
} from './sessionForm.ts';
import { testEvent } from './testData.ts';

describe('toSessionInput', () => {
  it('reads the times in the event zone and sends UTC instants', () => {
    const values = {
      ...newSessionValues(testEvent),
      title: ' Open data in parliaments ',
      description: ' Practical guide. ',
      audience: ['social-media' as const, 'digital-ict' as const],
      startsAt: '2021-06-16T13:00',
      endsAt: '2021-06-16T14:30',
      languages: ['fr' as const, 'en' as const],
      selfSelect: true,
      templateId: 'tpl_1',
    };
    const result = toSessionInput(values, 'Europe/Zurich');
    expect(result).toEqual({
      ok: true,
      request: {
        title: 'Open data in parliaments',
        description: 'Practical guide.',
        kind: 'co-creation',
        audience: ['digital-ict', 'social-media'],
        startsAt: '2021-06-16T11:00:00.000Z',
        endsAt: '2021-06-16T12:30:00.000Z',
        languages: ['en', 'fr'],
        selfSelect: true,
        templateId: 'tpl_1',
      },
    });
    if (result.ok) expect(sessionInputSchema.safeParse(result.request).success).toBe(true);
  });

  it('words the shared text rules: a title with an override, a description with NUL', () => {
    const values = {
      ...newSessionValues(testEvent),
      title: 'Open \u202Edata',
      description: 'Line one\nLine two\u0000',
      startsAt: '2021-06-16T13:00',
      endsAt: '2021-06-16T14:30',
    };
    const result = toSessionInput(values, 'Europe/Zurich');
    expect(result.ok ? {} : result.problems).toMatchObject({
      title: { key: 'directionControl' },
      description: { key: 'controlCharacter' },
    });
    const fine = toSessionInput({ ...values, title: 'Open data', description: 'One\nTwo' }, 'UTC');
    expect(fine.ok).toBe(true);
  });

  it('drops "participants choose their group" for kinds that have no groups', () => {
    const values = {
      ...newSessionValues(testEvent),
      title: 'Debate',
      kind: 'thought-leader-debate' as const,
      selfSelect: true,
    };
    const result = toSessionInput(values, testEvent.timeZone);
    expect(result.ok && result.request.selfSelect).toBe(false);
    // No groups, so no guides to start: the template choice is not sent either.
    expect(result.ok && result.request.templateId).toBe(null);
    if (result.ok) expect(sessionInputSchema.safeParse(result.request).success).toBe(true);
  });

  it('refuses an end before the start, a skipped time and no language', () => {
    const result = toSessionInput(
      {
        ...newSessionValues(testEvent),
        title: 'Debate',
        startsAt: '2021-03-28T02:30',
        endsAt: '2021-03-28T01:00',
        languages: [],
      },
      'Europe/Zurich',
    );
    expect(result).toEqual({
      ok: false,
      problems: {
        startsAt: { key: 'skippedTime', values: { zone: 'Europe/Zurich' } },
        languages: { key: 'noLanguage' },
      },
    });
    const backwards = toSessionInput(
      { ...newSessionValues(testEvent), title: 'Debate', endsAt: '2021-06-16T08:00' },
      'Europe/Zurich',
    );
    expect(backwards).toEqual({ ok: false, problems: { endsAt: { key: 'endBeforeStart' } } });
  });

  it('requires a title and both times', () => {
    const result = toSessionInput(
      { ...newSessionValues(testEvent), startsAt: '', endsAt: 'tomorrow' },
      'UTC',
    );
    expect(result).toEqual({
      ok: false,
      problems: {
        title: { key: 'required' },
        startsAt: { key: 'required' },
        endsAt: { key: 'invalidDateTime' },
      },
    });
  });
});

describe('the template choice', () => {
  it('starts a new session from the built-in template; "blank" is sent as null', () => {
    const values = { ...newSessionValues(testEvent), title: 'Workshop' };
    expect(values.templateId).toBe(builtInTemplateId);
    const blank = toSessionInput({ ...values, templateId: '' }, testEvent.timeZone);
    expect(blank.ok && blank.request.templateId).toBe(null);
  });
});

describe('sessionFormValues', () => {
  it('shows a stored session in the event zone, and maps back to the same instants', () => {
    const session: ConferenceSession = {
      id: 's1',
      eventId: 'event-1',
      title: 'Exchange',
      description: '',
      kind: 'good-practice-exchange',
      audience: ['communications'],
      startsAt: '2021-06-17T07:00:00Z',
      endsAt: '2021-06-17T08:00:00Z',
      languages: ['es'],
      selfSelect: false,
      templateId: null,
    };
    const values = sessionFormValues(session, 'America/Mexico_City');
    expect(values.startsAt).toBe('2021-06-17T02:00');
    expect(values.endsAt).toBe('2021-06-17T03:00');
    const back = toSessionInput(values, 'America/Mexico_City');
    expect(back.ok && [back.request.startsAt, back.request.endsAt]).toEqual([
      '2021-06-17T07:00:00.000Z',
      '2021-06-17T08:00:00.000Z',
    ]);
  });
});

describe('outsideEventDays', () => {
  it('compares days in the event zone, not in UTC', () => {
    // 23:30 UTC on the last day is already the next morning in Zurich.
    expect(
      outsideEventDays(
        { startsAt: '2021-06-18T20:00:00Z', endsAt: '2021-06-18T23:30:00Z' },
        testEvent,
      ),
    ).toBe(true);
    expect(
      outsideEventDays(
        { startsAt: '2021-06-15T22:30:00Z', endsAt: '2021-06-16T01:00:00Z' },
        testEvent,
      ),
    ).toBe(false);
  });
});
