import { z } from 'zod';
import { isHexColor } from './contrast.ts';

/** Key under which the visitor's chosen name and colour are kept in localStorage. */
export const identityStorageKey = 'draftroom:identity';

/** Long enough for "Hon. Maria Fernanda Rodríguez-Álvarez", short enough for a caret label. */
export const maxDisplayNameLength = 60;

export const identitySchema = z.object({
  name: z.string().trim().min(1).max(maxDisplayNameLength),
  color: z.string().refine(isHexColor),
});

/** What other people see of you: CollaborationCaret reads exactly `{ name, color }`. */
export type Identity = z.infer<typeof identitySchema>;

/** Parses a stored identity; anything unreadable counts as "no identity yet". */
export function parseStoredIdentity(raw: string | null): Identity | null {
  if (raw === null) return null;
  try {
    const result = identitySchema.safeParse(JSON.parse(raw));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

export function loadIdentity(): Identity | null {
  try {
    return parseStoredIdentity(localStorage.getItem(identityStorageKey));
  } catch {
    return null; // storage blocked: the person is asked for a name each visit
  }
}

export function saveIdentity(identity: Identity): void {
  try {
    localStorage.setItem(identityStorageKey, JSON.stringify(identity));
  } catch {
    // Storage blocked or full: the identity still lives for this page, which is enough to edit.
  }
}
