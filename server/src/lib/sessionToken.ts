import type { IncomingMessage } from 'node:http';
import { sessionCookieName } from '@draftroom/shared';

/** The session token from a Cookie header (HTTP requests and websocket upgrades alike). */
export function sessionTokenFrom(request: IncomingMessage): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === sessionCookieName) {
      return part.slice(separator + 1).trim();
    }
  }
  return undefined;
}
