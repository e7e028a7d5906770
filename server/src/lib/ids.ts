import { randomBytes } from 'node:crypto';

/** A URL-safe random id: 12 bytes → 16 characters, unguessable enough for document ids. */
export function randomId(bytes = 12): string {
  return randomBytes(bytes).toString('base64url');
}
