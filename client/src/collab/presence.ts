import { isHexColor, roles, type Role } from '@draftroom/shared';
import { initials } from '../identity/initials.ts';

/** One person in "Who is here", however many devices (tabs, phone) they have the guide open on. */
export interface Person {
  /** The person's id as the server stamped it; a peer without one is its own entry. */
  key: string;
  name: string;
  /** Always a `#rrggbb` colour: remote values are untrusted and never reach CSS unchecked. */
  color: string;
  initials: string;
  isSelf: boolean;
  /** How many connections (tabs, devices) this person has here. */
  devices: number;
  /** Shown as a badge for everyone but participants; absent when a peer did not say. */
  role: Role | null;
}

/** The longest name a profile may have; anything longer from a peer is cut to it. */
const maxNameLength = 80;

/** Shown for a peer whose colour is missing or malformed; grey with 7.6:1 against white text. */
export const fallbackPresenceColor = '#57534e';

interface User {
  name: string;
  color: string;
  id: string | null;
  role: Role | null;
}

function readUser(state: unknown): User | null {
  if (!state || typeof state !== 'object') return null;
  const user = (state as { user?: unknown }).user;
  if (!user || typeof user !== 'object') return null;
  const { name, color, id, role } = user as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '') return null;
  return {
    name: name.trim().slice(0, maxNameLength),
    color: isHexColor(color) ? color : fallbackPresenceColor,
    id: typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : null,
    role: roles.find((known) => known === role) ?? null,
  };
}

/**
 * Turns awareness states (anything peers sent) into the "Who is here" list: one entry per person
 * (grouped by the id the server stamps, so two devices of one person are one entry with a device
 * count), yourself first, then everyone else by name. Peers without a name are left out.
 * Your own entry takes the colour the server gave your other devices when there is one, since
 * that is the colour the others see.
 */
export function peopleFromAwareness(
  states: ReadonlyMap<number, unknown>,
  selfClientId: number,
  locale?: string,
  selfPersonId?: string,
): Person[] {
  const byKey = new Map<string, Person & { stamped: boolean }>();
  for (const [clientId, state] of states) {
    const user = readUser(state);
    if (!user) continue;
    const local = clientId === selfClientId;
    const id = local && selfPersonId !== undefined ? selfPersonId : user.id;
    const key = id ?? `client:${clientId}`;
    const existing = byKey.get(key);
    if (existing) {
      existing.devices += 1;
      existing.isSelf ||= local;
      // A colour stamped by the server (on a remote copy) beats what this browser set itself.
      if (!local && !existing.stamped) {
        existing.color = user.color;
        existing.stamped = true;
      }
      existing.role ??= user.role;
      continue;
    }
    byKey.set(key, {
      key,
      name: user.name,
      color: user.color,
      initials: initials(user.name),
      isSelf: local || (selfPersonId !== undefined && id === selfPersonId),
      devices: 1,
      role: user.role,
      stamped: !local,
    });
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return [...byKey.values()]
    .map(({ stamped: _stamped, ...person }) => person)
    .sort((a, b) => {
      if (a.isSelf !== b.isSelf) return a.isSelf ? -1 : 1;
      return collator.compare(a.name, b.name) || a.key.localeCompare(b.key);
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
        person.key === other.key &&
        person.name === other.name &&
        person.color === other.color &&
        person.isSelf === other.isSelf &&
        person.devices === other.devices &&
        person.role === other.role
      );
    })
  );
}
