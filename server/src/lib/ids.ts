import { randomBytes } from 'node:crypto';

/**
 * A URL-safe random id: 12 bytes → 16 characters, unguessable enough for document ids. Ids start
 * with a letter or digit (documentIdSchema), so the rare draw starting with "-" or "_" is redrawn.
 */
export function randomId(bytes = 12): string {
  for (;;) {
    const id = randomBytes(bytes).toString('base64url');
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
}
