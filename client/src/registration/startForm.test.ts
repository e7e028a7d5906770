import { describe, expect, it } from 'vitest';
import { startDelegationRequestSchema } from '@draftroom/shared';
import { startProblemsFromError, toStartRequest } from './startForm.ts';

const filled = {
  parliament: '  National Assembly of Kenya ',
  country: 'KE',
  focalName: 'Amina Focal',
  focalEmail: ' amina@parliament.example ',
};

describe('toStartRequest', () => {
  it('sends what the shared schema accepts, trimmed', () => {
    const result = toStartRequest(filled);
    expect(result).toEqual({
      ok: true,
      request: {
        parliament: 'National Assembly of Kenya',
        country: 'KE',
        focalPoint: { name: 'Amina Focal', email: 'amina@parliament.example' },
      },
    });
    if (result.ok)
      expect(startDelegationRequestSchema.safeParse(result.request).success).toBe(true);
  });

  it('words each missing or malformed field', () => {
    expect(
      toStartRequest({ parliament: '', country: 'XX', focalName: '\u0000', focalEmail: 'a@' }),
    ).toEqual({
      ok: false,
      problems: {
        parliament: { key: 'required' },
        country: { key: 'required' },
        focalName: { key: 'controlCharacter' },
        focalEmail: { key: 'invalidEmail' },
      },
    });
  });
});

describe('startProblemsFromError', () => {
  it("maps the request's paths onto the form's fields, keeping unknown rules' sentences", () => {
    const mapped = startProblemsFromError(
      [
        { path: 'focalPoint.email', message: 'Use an email address…' },
        { path: 'parliament', message: 'Already invited.' },
      ],
      { ...filled, focalEmail: 'nope' },
    );
    expect(mapped).toEqual({
      problems: { focalEmail: { key: 'invalidEmail' } },
      serverMessages: { parliament: 'Already invited.' },
    });
  });
});
