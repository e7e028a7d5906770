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
