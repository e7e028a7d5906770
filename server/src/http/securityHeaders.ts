import type { IncomingMessage } from 'node:http';
import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * Security headers on every response (helmet), with a content security policy the built client
 * passes as it is: no inline script and no inline style anywhere (the editor is created with
 * `injectCSS: false`, and everything that colours a caret or a selection goes through CSSOM,
 * which `style-src` does not govern). Checked in a real browser by
 * e2e/tests/security-headers.spec.ts, which fails on any violation.
 *
 * The policy governs pages Express serves (`pnpm start`, production). Under `pnpm dev` the page
 * comes from Vite (its own inline styles and HMR socket), which only proxies the API here.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        // `data:` for the empty favicon of index.html.
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        // CSP3 lets 'self' match ws:/wss: on the same host, but not every browser in use does yet.
        connectSrc: ["'self'", sameHostWebsockets],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // No upgrade-insecure-requests: a server reached over plain http (HOST=0.0.0.0 on a
        // local network) would otherwise send its own scripts to an https port nobody serves.
      },
    },
    // Join links carry their invite token in the path: no page may leak it to another site.
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    // Browsers heed this only over https. Only this host: the organisation's other hosts may
    // still serve plain http, which includeSubDomains would break for a year.
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
  }) as RequestHandler;
}

// A host name or an IPv6 literal, with an optional port: nothing that could end a directive.
const plainHost = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** `ws://host wss://host` for the page's own host; nothing if the Host header is odd. */
function sameHostWebsockets(request: IncomingMessage): string {
  const host = request.headers.host ?? '';
  return plainHost.test(host) ? `ws://${host} wss://${host}` : '';
}
