import type { Role } from '../conference/person.ts';
import { colorForId } from './palette.ts';

/** Presence and caret labels are cut to this length, so one long name cannot cover the text. */
export const maxDisplayNameLength = 60;

/** What other people see of you: CollaborationCaret reads exactly `{ name, color }`. */
export interface Identity {
  name: string;
  color: string;
}

/**
 * How a signed-in person appears to the others in a guide. The colour follows from the person's
 * id, so it is the same in every tab and on every device without anyone having to choose it.
 */
export function identityOf(person: { id: string; displayName: string }): Identity {
  return {
    name: person.displayName.trim().slice(0, maxDisplayNameLength),
    color: colorForId(person.id).hex,
  };
}

/**
 * What the server stamps into each presence state: the person's name and a colour (no one else
 * in the guide has it), their id (one entry per person however many devices they use) and their
 * role (the badge: observer, facilitator, organiser).
 */
export interface PresenceUser extends Identity {
  id: string;
  role: Role;
}

export function presenceUserOf(person: {
  id: string;
  displayName: string;
  role: Role;
}): PresenceUser {
  // The whole name (at most 80 characters, as profiles allow): lists show it wrapped or in a
  // tooltip; caret labels shorten it themselves.
  return {
    ...identityOf(person),
    name: person.displayName.trim(),
    id: person.id,
    role: person.role,
  };
}
