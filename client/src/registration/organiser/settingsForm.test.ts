import { describe, expect, it } from 'vitest';
import { updateRegistrationSettingsRequestSchema } from '@draftroom/shared';
import { settingsValues, toReopenUntil, toSettingsRequest } from './settingsForm.ts';

const zone = 'Europe/Zurich';

describe('settings form', () => {
  it("shows the deadline on the event's clock and sends it as UTC", () => {
    const values = settingsValues(
      { open: true, deadline: '2021-06-10T16:00:00.000Z', publicPath: '/register/open/x' },
      zone,
    );
    expect(values).toEqual({ open: true, deadline: '2021-06-10T18:00', publicPage: true });
    const request = toSettingsRequest(values, zone);
    expect(request).toEqual({
      ok: true,
      request: { open: true, deadline: '2021-06-10T16:00:00.000Z', publicPage: true },
    });
    if (request.ok) {
      expect(updateRegistrationSettingsRequestSchema.safeParse(request.request).success).toBe(true);
    }
  });

  it('sends no deadline for an empty field, and refuses a time the clocks skip', () => {
    expect(toSettingsRequest({ open: false, deadline: '', publicPage: false }, zone)).toEqual({
      ok: true,
      request: { open: false, deadline: null, publicPage: false },
    });
    expect(
      toSettingsRequest({ open: true, deadline: '2021-03-28T02:30', publicPage: false }, zone),
    ).toEqual({
      ok: false,
      problems: { deadline: { key: 'skippedTime', values: { zone } } },
    });
  });
});

describe('toReopenUntil', () => {
  const now = Date.parse('2021-06-12T10:00:00Z');

  it('takes a date after now, on the event clock', () => {
    expect(toReopenUntil('2021-06-14T18:00', zone, now)).toEqual({
      ok: true,
      instant: '2021-06-14T16:00:00.000Z',
    });
  });

  it('refuses a past date and an empty one', () => {
    expect(toReopenUntil('2021-06-11T18:00', zone, now)).toEqual({
      ok: false,
      problem: { key: 'notInFuture' },
    });
    expect(toReopenUntil('', zone, now)).toEqual({ ok: false, problem: { key: 'required' } });
  });
});
