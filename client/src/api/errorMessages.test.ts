import { describe, expect, it } from 'vitest';
import { apiErrorCodes } from '@draftroom/shared';
import en from '../i18n/locales/en.json';
import { apiErrorMessageKey } from './errorMessages.ts';

/** Looks a dotted key up in the English file, as i18next would. */
function lookup(key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => {
    return node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }, en);
}

describe('apiErrorMessageKey', () => {
  it('has an English message for every code the server documents', () => {
    for (const code of [...apiErrorCodes, 'network_error', 'invalid_response']) {
      const key = apiErrorMessageKey(code);
      expect(key).not.toBe('errors.api.unknown');
      expect(typeof lookup(key)).toBe('string');
    }
  });

  it('falls back to a generic message for unknown codes, including prototype names', () => {
    expect(apiErrorMessageKey('teapot')).toBe('errors.api.unknown');
    expect(apiErrorMessageKey('toString')).toBe('errors.api.unknown');
    expect(typeof lookup('errors.api.unknown')).toBe('string');
  });
});
