import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { collabPath, documentIdSchema, protocolVersion } from '@draftroom/shared';
import { invalidPathMessage, isDecodablePath } from '../lib/paths.ts';

/**
 * Checks on the HTTP upgrade request, before any websocket exists: the path names a valid
 * document, the protocol version matches, and the Origin is ours. Failures are answered with a
 * plain HTTP error that says what to do.
 */
export class UpgradeRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function documentIdFromUpgrade(request: IncomingMessage): string {
  // A target that is no URL, or a path that does not decode: 400, like the HTTP app (not a 503).
  const url = parseTarget(request.url ?? '/');
  if (!url || !isDecodablePath(url.pathname)) {
    throw new UpgradeRefusal(400, 'invalid_path', invalidPathMessage);
  }
  const prefix = `${collabPath}/`;
  if (!url.pathname.startsWith(prefix)) {
    throw new UpgradeRefusal(404, 'not_found', `Websocket endpoint is ${collabPath}/<documentId>.`);
  }
  const version = url.searchParams.get('v');
  if (version !== null && version !== String(protocolVersion)) {
    throw new UpgradeRefusal(
      426,
      'protocol_version_mismatch',
      `This server speaks protocol version ${protocolVersion}; reload the page to get the current app.`,
    );
  }
  // Valid ids need no percent-decoding, so the raw path segment is checked as it is.
  const parsed = documentIdSchema.safeParse(url.pathname.slice(prefix.length));
  if (!parsed.success) {
    throw new UpgradeRefusal(
      400,
      'invalid_document_id',
      'The document id in the URL is not valid.',
    );
  }
  return parsed.data;
}

/**
 * Whether the client is Draftroom's own (it names the protocol version, which
 * `documentIdFromUpgrade` has checked): only it is sent Draftroom's own messages, so a stock
 * y-websocket client never meets a message type it does not know.
 */
export function speaksDraftroomProtocol(request: IncomingMessage): boolean {
  return parseTarget(request.url ?? '/')?.searchParams.has('v') ?? false;
}

function parseTarget(target: string): URL | undefined {
  try {
    return new URL(target, 'http://upgrade.invalid');
  } catch {
    return undefined;
  }
}

/**
 * Browsers always send Origin on websocket upgrades; refusing foreign origins stops another site
 * from opening a socket with the visitor's cookies. Non-browser clients (benchmarks, tools) send
 * none and are judged by their credentials alone.
 */
export function assertOriginAllowed(
  request: IncomingMessage,
  allowedOrigins: readonly string[],
): void {
  const origin = request.headers.origin;
  if (!origin) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new UpgradeRefusal(403, 'origin_not_allowed', 'The Origin header is not a valid URL.');
  }
  // Host, not scheme: behind a TLS-terminating proxy the page is https while we see http.
  if (originHost === request.headers.host) return;
  if (allowedOrigins.some((allowed) => new URL(allowed).origin === origin)) return;
  throw new UpgradeRefusal(
    403,
    'origin_not_allowed',
    `Origin ${origin} may not open documents here; add it to ALLOWED_ORIGINS if it should.`,
  );
}

export function refuseUpgrade(socket: Duplex, refusal: UpgradeRefusal): void {
  const body = JSON.stringify({ error: { code: refusal.code, message: refusal.message } });
  socket.end(
    `HTTP/1.1 ${refusal.status} ${statusText(refusal.status)}\r\n` +
      'Connection: close\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: 'Bad Request',
    403: 'Forbidden',
    404: 'Not Found',
    426: 'Upgrade Required',
    429: 'Too Many Requests',
    503: 'Service Unavailable',
  };
  return texts[status] ?? 'Error';
}
