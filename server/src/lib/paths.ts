/**
 * Whether a URL path percent-decodes as UTF-8. `/%c0%ae%c0%ae/` (an overlong "."), a lone `%`
 * or an escaped surrogate half do not: such a path is the client's mistake, and both the HTTP
 * app and the websocket upgrade answer it with 400 `invalid_path` before routing on it.
 */
export function isDecodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export const invalidPathMessage =
  'This address has a broken %-escape and cannot be read; check the link and try again.';
