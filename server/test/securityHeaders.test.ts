// Every response carries the security headers (helmet): a content security policy the app passes
// with no inline script or style, no framing, no MIME sniffing, no referrer. The browser side
// (the built app really runs under this policy) is e2e/tests/security-headers.spec.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startLoggedServer, type LoggedServer } from './helpers/loggedServer.ts';

let server: LoggedServer;
beforeAll(async () => {
  server = await startLoggedServer();
});
afterAll(async () => {
  await server?.cleanup();
});

/** The policy as directive → sources. */
function directives(policy: string | null): Map<string, string[]> {
  return new Map(
    (policy ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

const paths = [
  ['the client', '/'],
  ['a client route', '/g/some-guide'],
  ['an asset', '/assets/app.js'],
  ['an API answer', '/api/openapi.json'],
  ['an API error', '/api/me'],
  ['a health check', '/healthz'],
];

describe('security headers', () => {
  it.each(paths)('are on %s (%s)', async (_what, path) => {
    const response = await fetch(`${server.url}${path}`);
    const headers = response.headers;
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(headers.get('x-powered-by')).toBeNull();
    // HSTS only for this host: other hosts of the organisation's domain may still be http.
    expect(headers.get('strict-transport-security')).toBe('max-age=31536000');

    const policy = directives(headers.get('content-security-policy'));
    const host = new URL(server.url).host;
    expect(Object.fromEntries(policy)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'", `ws://${host}`, `wss://${host}`],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('never copies a hostile Host header into the policy', async () => {
    const response = await rawRequest(
      server.url,
      "GET / HTTP/1.1\r\nHost: evil.example; script-src 'unsafe-inline'\r\nConnection: close\r\n\r\n",
    );
    const policy = directives(response.headers['content-security-policy'] ?? null);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
  });
});
