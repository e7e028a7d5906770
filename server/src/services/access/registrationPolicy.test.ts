import { describe, expect, it } from 'vitest';
import type { RegistrationSettingsRecord } from '../../persistence/index.ts';
import {
  foreignDelegateIds,
  registrationClosedReason,
  registrationDeadlineFor,
} from './registrationPolicy.ts';

const now = Date.parse('2031-05-01T12:00:00Z');
const settings = (open: boolean, deadline: string | null): RegistrationSettingsRecord => ({
  eventId: 'event',
  open,
  deadline,
  publicToken: null,
  updatedAt: '2031-01-01T00:00:00Z',
});
const past = '2031-04-30T12:00:00.000Z';
const future = '2031-05-02T12:00:00.000Z';

describe('registrationClosedReason', () => {
  it('is not open until the organisers open it, whatever a delegation was reopened until', () => {
    expect(registrationClosedReason(undefined, null, now)).toBe('not_open');
    expect(registrationClosedReason(settings(false, future), { reopenedUntil: future }, now)).toBe(
      'not_open',
    );
  });

  it('takes changes while open with no deadline, or before it', () => {
    expect(registrationClosedReason(settings(true, null), null, now)).toBeNull();
    expect(registrationClosedReason(settings(true, future), null, now)).toBeNull();
  });

  it('closes after the deadline, except for a delegation reopened until a date still ahead', () => {
    expect(registrationClosedReason(settings(true, past), null, now)).toBe('deadline_passed');
    expect(
      registrationClosedReason(settings(true, past), { reopenedUntil: future }, now),
    ).toBeNull();
    expect(registrationClosedReason(settings(true, past), { reopenedUntil: past }, now)).toBe(
      'deadline_passed',
    );
  });

  it('gives the date a link takes changes until', () => {
    expect(registrationDeadlineFor(settings(true, past), { reopenedUntil: future }, now)).toBe(
      future,
    );
    expect(registrationDeadlineFor(settings(true, past), { reopenedUntil: past }, now)).toBe(past);
    expect(registrationDeadlineFor(undefined, null, now)).toBeNull();
  });
});

describe('foreignDelegateIds', () => {
  it('names the ids that are not the delegation’s own; new delegates have none', () => {
    expect(foreignDelegateIds([{ id: 'a' }, { id: 'b' }], ['a', undefined, 'z'])).toEqual(['z']);
  });
});
