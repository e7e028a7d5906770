// The limit key a request counts against: who may speak for the client, and how addresses are
// normalised so that one client cannot appear as many.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, compileTrust } from './clientAddress.ts';

const request = (remoteAddress: string | undefined, forwardedFor?: string) =>
  ({
    socket: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless the peer is trusted', () => {
    expect(clientAddress(request('127.0.0.1', '203.0.113.1'), compileTrust(false))).toBe(
      '127.0.0.1',
    );
    expect(clientAddress(request('127.0.0.1', '203.0.113.1'), compileTrust(['10.0.0.0/8']))).toBe(
      '127.0.0.1',
    );
  });

  it('reads X-Forwarded-For from the right, one trusted hop at a time', () => {
    const chain = request('10.0.0.2', '198.51.100.9, 203.0.113.1, 10.0.0.1');
    expect(clientAddress(chain, compileTrust(1))).toBe('10.0.0.1');
    expect(clientAddress(chain, compileTrust(2))).toBe('203.0.113.1');
    expect(clientAddress(chain, compileTrust(['10.0.0.0/8']))).toBe('203.0.113.1');
  });

  it('normalises addresses into limit keys', () => {
    const none = compileTrust(false);
    expect(clientAddress(request('::ffff:203.0.113.7'), none)).toBe('203.0.113.7');
    expect(clientAddress(request('2001:db8:1:2:3:4:5:6'), none)).toBe('2001:db8:1:2::/64');
    expect(clientAddress(request('2001:0db8:0001:0002::9'), none)).toBe('2001:db8:1:2::/64');
    expect(clientAddress(request(undefined), none)).toBe('unknown');
    // A trusted proxy passing on junk: all junk shares one key rather than one key per string.
    expect(clientAddress(request('127.0.0.1', 'not-an-address'), compileTrust(1))).toBe('invalid');
    expect(clientAddress(request('127.0.0.1', 'x'.repeat(5000)), compileTrust(1))).toBe('invalid');
  });
});
