import type { RegistrationClosedReason } from '@draftroom/shared';
import type {
  DelegateRecord,
  DelegationRecord,
  RegistrationSettingsRecord,
} from '../../persistence/index.ts';
import { isOrganiserOf, type Viewer } from './policy.ts';

/**
 * Who may do what with registration (issue 16), as pure functions like `policy.ts`:
 * - only the event's organisers see and manage its registrations;
 * - a focal point has no sign-in: their link's token is the key, and it reaches exactly one
 *   delegation (looked up by the token's hash), and within it only its own delegates;
 * - a link takes changes while registration is open and before the deadline, or before the date
 *   the organisers reopened that one parliament until.
 */

export function canManageRegistration(viewer: Viewer, eventId: string): boolean {
  return isOrganiserOf(viewer, eventId);
}

/**
 * Why a link takes no changes at `now`, or null while it does. Reopening one parliament lifts
 * the deadline for it alone; it does not open a registration the organisers closed.
 */
export function registrationClosedReason(
  settings: RegistrationSettingsRecord | undefined,
  delegation: Pick<DelegationRecord, 'reopenedUntil'> | null,
  now: number,
): RegistrationClosedReason | null {
  if (!settings?.open) return 'not_open';
  if (delegation?.reopenedUntil && Date.parse(delegation.reopenedUntil) > now) return null;
  if (settings.deadline && Date.parse(settings.deadline) < now) return 'deadline_passed';
  return null;
}

/** The date a link takes changes until: the parliament's reopening while it lasts, or the deadline. */
export function registrationDeadlineFor(
  settings: RegistrationSettingsRecord | undefined,
  delegation: Pick<DelegationRecord, 'reopenedUntil'> | null,
  now: number,
): string | null {
  if (delegation?.reopenedUntil && Date.parse(delegation.reopenedUntil) > now) {
    return delegation.reopenedUntil;
  }
  return settings?.deadline ?? null;
}

/** Ids a focal point names that are not delegates of their own delegation (refused whole). */
export function foreignDelegateIds(
  onFile: readonly Pick<DelegateRecord, 'id'>[],
  named: readonly (string | undefined)[],
): string[] {
  const own = new Set(onFile.map((delegate) => delegate.id));
  return named.filter((id): id is string => id !== undefined && !own.has(id));
}
