import { describe, expect, it } from 'vitest';
import { saveDelegationRequestSchema, type DelegationForm } from '@draftroom/shared';
import { ApiRequestError } from '../api/client.ts';
import {
  canRemove,
  checkDelegation,
  delegationValues,
  duplicateEmails,
  isDirty,
  newDelegateRow,
  problemsFromSaveError,
  withoutProblem,
  type DelegateRow,
  type DelegationValues,
} from './delegationForm.ts';

const form: DelegationForm = {
  eventName: 'World e-Parliament Conference',
  eventLanguages: ['en', 'fr', 'ar'],
  timeZone: 'Europe/Zurich',
  deadline: '2021-06-10T16:00:00.000Z',
  closedReason: null,
  contactEmail: 'team@wepc.example',
  parliament: 'National Assembly of Kenya',
  country: 'KE',
  focalPoint: { name: 'Amina Focal', email: 'amina@parliament.example' },
  submittedAt: '2021-06-01T09:00:00.000Z',
  delegates: [
    {
      id: 'd-1',
      name: 'Wanjiru Mbeki',
      function: 'Clerk',
      email: 'wanjiru@parliament.example',
      workingLanguages: ['fr', 'en'],
      audiences: ['social-media'],
      preferredLanguage: 'en',
      status: 'approved',
    },
  ],
};

function row(key: string, overrides: Partial<DelegateRow> = {}): DelegateRow {
  return {
    ...newDelegateRow(key, ['en', 'fr'], 'en'),
    name: `Delegate ${key}`,
    email: `${key}@parliament.example`,
    ...overrides,
  };
}

function values(...rows: DelegateRow[]): DelegationValues {
  return { focalPoint: { name: 'Amina', email: 'amina@parliament.example' }, delegates: rows };
}

describe('delegationValues and newDelegateRow', () => {
  it('reads the delegation as rows keyed by the delegate, languages in the usual order', () => {
    const read = delegationValues(form);
    expect(read.delegates[0]).toMatchObject({
      key: 'd-1',
      id: 'd-1',
      status: 'approved',
      workingLanguages: ['en', 'fr'],
    });
  });

  it("starts a new delegate in the reader's language when the event works in it", () => {
    expect(newDelegateRow('n', ['en', 'ar'], 'ar')).toMatchObject({
      id: null,
      status: null,
      preferredLanguage: 'ar',
      workingLanguages: ['ar'],
    });
    expect(newDelegateRow('n', ['fr', 'es'], 'ar').preferredLanguage).toBe('fr');
  });

  it('keeps approved delegates in the list', () => {
    expect(canRemove(delegationValues(form).delegates[0]!)).toBe(false);
    expect(canRemove(row('a'))).toBe(true);
  });
});

describe('duplicateEmails', () => {
  it('names the earlier row of each repeated email, whatever its case and spaces', () => {
    const rows = [
      row('a'),
      row('b'),
      row('c', { email: ' A@Parliament.example ' }),
      row('d', { email: 'b@parliament.example' }),
      row('e', { email: '' }),
      row('f', { email: '' }),
    ];
    expect([...duplicateEmails(rows)]).toEqual([
      ['c', 1],
      ['d', 2],
    ]);
  });
});

describe('checkDelegation', () => {
  it('sends the delegation the shared schema accepts: trimmed, ids kept for rows on file', () => {
    const checked = checkDelegation(
      values(
        row('d-1', { id: 'd-1', status: 'pending', name: '  Wanjiru  ' }),
        row('new', { workingLanguages: ['fr', 'en'], audiences: ['communications'] }),
      ),
    );
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.sentKeys).toEqual(['d-1', 'new']);
    expect(checked.request.delegates[0]).toMatchObject({ id: 'd-1', name: 'Wanjiru' });
    expect(checked.request.delegates[1]).not.toHaveProperty('id');
    expect(checked.request.delegates[1]?.workingLanguages).toEqual(['en', 'fr']);
    expect(saveDelegationRequestSchema.safeParse(checked.request).success).toBe(true);
  });

  it('finds a duplicate email before sending, on the later row, naming the earlier one', () => {
    const checked = checkDelegation(
      values(row('a'), row('b'), row('c', { email: 'A@parliament.example' })),
    );
    expect(checked).toEqual({
      ok: false,
      problems: {
        focalPoint: {},
        delegates: {
          c: {
            email: {
              problem: { key: 'registration.validation.duplicateEmail', values: { row: 1 } },
            },
          },
        },
      },
    });
  });

  it('words every field problem of every row, and the focal point’s', () => {
    const checked = checkDelegation({
      focalPoint: { name: ' ', email: 'not-an-email' },
      delegates: [
        row('a', { name: 'x'.repeat(121), function: 'Clerk\u0007', workingLanguages: [] }),
        row('b', { email: '', name: '\u202Eevil' }),
      ],
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.focalPoint).toEqual({
      name: { problem: { key: 'required' } },
      email: { problem: { key: 'invalidEmail' } },
    });
    expect(checked.problems.delegates).toEqual({
      a: {
        name: { problem: { key: 'tooLong', values: { count: 120 } } },
        function: { problem: { key: 'controlCharacter' } },
        workingLanguages: { problem: { key: 'noLanguage' } },
      },
      b: {
        name: { problem: { key: 'directionControl' } },
        email: { problem: { key: 'required' } },
      },
    });
  });

  it('refuses more delegates than a delegation may have', () => {
    const rows = Array.from({ length: 51 }, (_, index) => row(`r${index}`));
    const checked = checkDelegation(values(...rows));
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.problems.list).toEqual({
        key: 'registration.validation.tooManyDelegates',
        values: { count: 50 },
      });
    }
  });
});

describe('isDirty', () => {
  const saved = values(row('a'), row('b', { workingLanguages: ['en', 'fr'] }));

  it('is clean for the same delegation, however it was typed', () => {
    const same = values(
      row('a', { name: ' Delegate a ' }),
      row('b', { workingLanguages: ['fr', 'en'] }),
    );
    expect(isDirty(same, saved)).toBe(false);
  });

  it('is dirty after an edit, an added or a removed delegate', () => {
    expect(isDirty(values(row('a', { function: 'Clerk' }), row('b')), saved)).toBe(true);
    expect(isDirty(values(row('a')), saved)).toBe(true);
    expect(isDirty(values(row('a'), row('b'), row('c')), saved)).toBe(true);
    expect(
      isDirty(
        { ...saved, focalPoint: { name: 'Someone else', email: saved.focalPoint.email } },
        saved,
      ),
    ).toBe(true);
  });
});

describe('problemsFromSaveError', () => {
  const refusal = (...details: { path: string; message: string }[]) =>
    new ApiRequestError(400, 'validation_failed', 'Some fields are not valid.', details);

  it('puts each detail on the row it was sent as, worded in the browser', () => {
    // The rows were reordered after sending: the path's index is the one in the request.
    const sent = values(row('a'), row('b'), row('c', { email: 'A@parliament.example' }));
    const problems = problemsFromSaveError(
      refusal(
        { path: 'delegates.2.email', message: 'This email is already given for another…' },
        { path: 'focalPoint.email', message: 'Use an email address…' },
      ),
      { ...sent, focalPoint: { name: 'Amina', email: 'amina@' } },
      ['a', 'b', 'c'],
    );
    expect(problems.delegates).toEqual({
      c: {
        email: { problem: { key: 'registration.validation.duplicateEmail', values: { row: 1 } } },
      },
    });
    expect(problems.focalPoint).toEqual({ email: { problem: { key: 'invalidEmail' } } });
  });

  it("keeps the server's sentence for a rule the browser does not know", () => {
    const sent = values(row('a'));
    const problems = problemsFromSaveError(
      refusal({ path: 'delegates.0.email', message: 'Registered by another parliament.' }),
      sent,
      ['a'],
    );
    expect(problems.delegates.a).toEqual({
      email: { serverMessage: 'Registered by another parliament.' },
    });
  });

  it('ignores other failures and paths that name no row', () => {
    const sent = values(row('a'));
    expect(
      problemsFromSaveError(new ApiRequestError(409, 'registration_closed', 'closed'), sent, ['a']),
    ).toEqual({ focalPoint: {}, delegates: {} });
    expect(
      problemsFromSaveError(refusal({ path: 'delegates.7.name', message: 'x' }), sent, ['a'])
        .delegates,
    ).toEqual({});
  });
});

describe('withoutProblem', () => {
  it('clears only the field edited', () => {
    const problems = {
      focalPoint: { name: { problem: { key: 'required' as const } } },
      delegates: {
        a: { name: { problem: { key: 'required' as const } }, email: { serverMessage: 'x' } },
      },
    };
    const cleared = withoutProblem(problems, { row: 'a', field: 'email' });
    expect(cleared.delegates.a).toEqual({ name: { problem: { key: 'required' } } });
    expect(withoutProblem(cleared, { focal: 'name' }).focalPoint).toEqual({});
  });
});
