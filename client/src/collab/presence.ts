import { isHexColor } from '@draftroom/shared';
import { initials } from '../identity/initials.ts';
import { maxDisplayNameLength } from '@draftroom/shared';

export interface Person {
  clientId: number;
  name: string;
  /** Always a `#rrggbb` colour: remote values are untrusted and never reach CSS unchecked. */
  color: string;
  initials: string;
  isSelf: boolean;
}

/** Shown for a peer whose colour is missing or malformed; grey with 7.6:1 against white text. */
export const fallbackPresenceColor = '#57534e';

function readUser(state: unknown): { name: string; color: string } | null {
  if (!state || typeof state !== 'object') return null;
  const user = (state as { user?: unknown }).user;
  if (!user || typeof user !== 'object') return null;
  const { name, color } = user as { name?: unknown; color?: unknown };
  if (typeof name !== 'string' || name.trim() === '') return null;
  return {
    name: name.trim().slice(0, maxDisplayNameLength),
    color: isHexColor(color) ? color : fallbackPresenceColor,
  };
}

/**
 * Turns awareness states (anything peers sent) into the "Who is here" list: yourself first, then
 * everyone else by name. Peers that have not announced a name yet are left out.
 */
export function peopleFromAwareness(
  states: ReadonlyMap<number, unknown>,
  selfClientId: number,
  locale?: string,
): Person[] {
  const people: Person[] = [];
  for (const [clientId, state] of states) {
    const user = readUser(state);
    if (!user) continue;
    people.push({
      clientId,
      ...user,
      initials: initials(user.name),
      isSelf: clientId === selfClientId,
    });
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return people.sort((a, b) => {
    if (a.isSelf !== b.isSelf) return a.isSelf ? -1 : 1;
    return collator.compare(a.name, b.name) || a.clientId - b.clientId;
  });
}

/** True when two lists would render the same, so the UI can keep the previous array. */
export function samePeople(a: readonly Person[], b: readonly Person[]): boolean {
  return (
    a.length === b.length &&
    a.every((person, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        person.clientId === other.clientId &&
        person.name === other.name &&
        person.color === other.color &&
        person.isSelf === other.isSelf
      );
    })
  );
}
