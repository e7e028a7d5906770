import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './client.ts';
import { describeApiError, serverFieldMessages } from './errorMessages.ts';

describe('describeApiError', () => {
  it('keeps the server’s sentence for a conflict, which says what is in the way', () => {
    const error = new ApiRequestError(409, 'conflict', 'This session still has 2 groups.');
    expect(describeApiError(error)).toEqual({
      key: 'conflict',
      serverMessage: 'This session still has 2 groups.',
    });
  });

  it('uses only the translated message for generic failures', () => {
    expect(describeApiError(new ApiRequestError(0, 'network_error', 'TypeError'))).toEqual({
      key: 'network_error',
      serverMessage: null,
    });
    expect(describeApiError(new ApiRequestError(418, 'teapot', 'x')).key).toBe('unknown');
    expect(describeApiError(new Error('boom')).key).toBe('unknown');
  });
});

describe('serverFieldMessages', () => {
  it('files each detail under its form field', () => {
    const error = new ApiRequestError(400, 'validation_failed', 'Invalid', [
      { path: 'endsAt', message: 'The session must end after it starts.' },
      { path: 'scope.id', message: 'Unknown group.' },
      { path: 'other', message: 'ignored' },
    ]);
    expect(serverFieldMessages(error, ['endsAt', 'scope'] as const)).toEqual({
      endsAt: 'The session must end after it starts.',
      scope: 'Unknown group.',
    });
  });
});
