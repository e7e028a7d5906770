import { describe, expect, it } from 'vitest';
import { updateEventRequestSchema } from '@draftroom/shared';
import { eventFormValues, toUpdateEventRequest } from './eventForm.ts';
import { testEvent } from './testData.ts';

describe('toUpdateEventRequest', () => {
  it('maps the form to a request the shared schema accepts, languages in the usual order', () => {
    const values = {
      ...eventFormValues(testEvent),
      name: '  WePC 2021 ',
      languages: ['ar', 'en'] as const,
    };
    const result = toUpdateEventRequest({ ...values, languages: [...values.languages] });
    expect(result).toEqual({
      ok: true,
      request: {
        name: 'WePC 2021',
        startsOn: '2021-06-16',
        endsOn: '2021-06-18',
        timeZone: 'Europe/Zurich',
        languages: ['en', 'ar'],
        contactEmail: 'team@wepc.example',
      },
    });
    if (result.ok) expect(updateEventRequestSchema.safeParse(result.request).success).toBe(true);
  });

  it('names every problem with its field', () => {
    const result = toUpdateEventRequest({
      name: ' ',
      startsOn: '2021-06-18',
      endsOn: '2021-06-16',
      timeZone: 'Mars/Olympus',
      languages: [],
      contactEmail: 'not an address',
    });
    expect(result).toEqual({
      ok: false,
      problems: {
        name: { key: 'required' },
        endsOn: { key: 'lastDayBeforeFirst' },
        timeZone: { key: 'unknownTimeZone' },
        languages: { key: 'noLanguage' },
        contactEmail: { key: 'invalidEmail' },
      },
    });
  });

  it('sends no contact address when the field is left empty', () => {
    const result = toUpdateEventRequest({ ...eventFormValues(testEvent), contactEmail: '  ' });
    expect(result.ok && result.request.contactEmail).toBe(null);
  });

  it('refuses dates that do not exist and names that are too long', () => {
    const result = toUpdateEventRequest({
      ...eventFormValues(testEvent),
      name: 'x'.repeat(201),
      startsOn: '2021-02-30',
      endsOn: '',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.name).toEqual({ key: 'tooLong', values: { count: 200 } });
      expect(result.problems.startsOn).toEqual({ key: 'invalidDate' });
      expect(result.problems.endsOn).toEqual({ key: 'invalidDate' });
    }
  });
});
