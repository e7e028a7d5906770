import { describe, expect, it } from 'vitest';
import { maxDisplayNameLength, parseStoredIdentity } from './identity.ts';

describe('parseStoredIdentity', () => {
  it('reads a valid identity and trims the name', () => {
    expect(parseStoredIdentity('{"name":"  Ada ","color":"#1d4ed8"}')).toEqual({
      name: 'Ada',
      color: '#1d4ed8',
    });
  });

  it('treats missing, corrupt or invalid data as no identity', () => {
    expect(parseStoredIdentity(null)).toBeNull();
    expect(parseStoredIdentity('not json')).toBeNull();
    expect(parseStoredIdentity('{"name":"","color":"#1d4ed8"}')).toBeNull();
    expect(parseStoredIdentity('{"name":"Ada","color":"red"}')).toBeNull();
    const long = 'x'.repeat(maxDisplayNameLength + 1);
    expect(parseStoredIdentity(JSON.stringify({ name: long, color: '#1d4ed8' }))).toBeNull();
  });
});
