import { parliamentKey, type PracticeStatus } from '@draftroom/shared';
import { isOrganiserOf, type Viewer } from './policy.ts';

/**
 * Who may do what with the good-practice library (issue 17), as pure functions like `policy.ts`:
 * - a practice belongs to one parliament of one event; nobody reaches another event's (404);
 * - everyone signed in to the event reads approved practices (observers included);
 * - a parliament's delegates (anyone of the event but observers, whose parliament and country
 *   are the practice's: `parliamentKey`, and were vouched for by the organisers or registration:
 *   `parliamentConfirmed`) read and write their parliament's practices in any status but merged;
 * - anyone but observers submits practices for the parliament they declared (confirmed or not:
 *   the organisers review every submission), and reads and writes the ones they submitted;
 * - the organisers read and write everything of their event, curate (approve, ask for changes,
 *   merge), choose what is public and publish the library.
 */

/** What the rules need of a practice. */
export interface PracticeAccessFacts {
  eventId: string;
  status: PracticeStatus;
  /** `parliamentKey(parliament, country)` of the practice. */
  parliamentKey: string;
  /** Who submitted it (null: the demo's, or a deleted person). */
  submittedBy: string | null;
}

/** The facts of any stored practice (a whole record or a card). */
export const practiceFacts = (practice: {
  eventId: string;
  status: string;
  parliamentKey: string;
  submittedBy: string | null;
}): PracticeAccessFacts => ({
  eventId: practice.eventId,
  status: practice.status as PracticeStatus,
  parliamentKey: practice.parliamentKey,
  submittedBy: practice.submittedBy,
});

/**
 * The parliament the viewer says they are of (what they may submit for), or null for an
 * observer, who speaks for no parliament.
 */
export function declaredKeyOf(viewer: Viewer): string | null {
  if (viewer.person.role === 'observer') return null;
  return parliamentKey(viewer.person.parliament, viewer.person.country);
}

/**
 * The parliament the viewer holds a delegate's rights for: their declared one, once the
 * organisers or registration vouched for it. Anyone can type any parliament in their profile.
 */
export function delegateKeyOf(viewer: Viewer): string | null {
  return viewer.person.parliamentConfirmed ? declaredKeyOf(viewer) : null;
}

/** Is the viewer one of this practice's parliament's delegates, or the one who submitted it? */
export function isDelegateOf(viewer: Viewer, practice: PracticeAccessFacts): boolean {
  if (viewer.person.eventId !== practice.eventId) return false;
  if (practice.submittedBy !== null && practice.submittedBy === viewer.person.id) return true;
  return delegateKeyOf(viewer) === practice.parliamentKey;
}

export function canCuratePractices(viewer: Viewer, eventId: string): boolean {
  return isOrganiserOf(viewer, eventId);
}

/** May the viewer read the practice at all (else 404, as if it did not exist)? */
export function canReadPractice(viewer: Viewer, practice: PracticeAccessFacts): boolean {
  if (viewer.person.eventId !== practice.eventId) return false;
  if (practice.status === 'approved') return true;
  return canCuratePractices(viewer, practice.eventId) || isDelegateOf(viewer, practice);
}

/** May the viewer save changes to it (a merged practice is read-only for everyone)? */
export function canEditPractice(viewer: Viewer, practice: PracticeAccessFacts): boolean {
  if (practice.status === 'merged') return false;
  return canCuratePractices(viewer, practice.eventId) || isDelegateOf(viewer, practice);
}

/** May the viewer submit a practice for this parliament of their event? */
export function canSubmitPracticeFor(viewer: Viewer, eventId: string, key: string): boolean {
  if (viewer.person.eventId !== eventId) return false;
  if (canCuratePractices(viewer, eventId)) return true;
  return declaredKeyOf(viewer) === key;
}

/** May the viewer submit practices at all (the library page's "Submit a practice")? */
export function canSubmitPractices(viewer: Viewer): boolean {
  return viewer.person.role !== 'observer';
}

/**
 * The status a save leaves a practice in: sent back for changes, it waits for the organisers
 * again once its parliament's delegates save it (an organiser's own edit leaves it sent back);
 * otherwise a save keeps the status (an approved practice stays approved, as a new version).
 */
export function statusAfterSave(viewer: Viewer, practice: PracticeAccessFacts): PracticeStatus {
  if (practice.status === 'changes-requested' && !canCuratePractices(viewer, practice.eventId)) {
    return 'submitted';
  }
  return practice.status;
}

/** May a save name another parliament than the practice's (the organisers' reassignment)? */
export function canMovePracticeToParliament(
  viewer: Viewer,
  practice: PracticeAccessFacts,
): boolean {
  return canCuratePractices(viewer, practice.eventId);
}

/** Only approved practices may be made public (else 409). */
export function canMakePublic(status: PracticeStatus): boolean {
  return status === 'approved';
}

/** The public pages show a practice only while the library is published, it is public and approved. */
export function isShownPublicly(
  libraryPublished: boolean,
  practice: { status: PracticeStatus; public: boolean },
): boolean {
  return libraryPublished && practice.public && practice.status === 'approved';
}

/**
 * Why a merge is refused, or null: into another practice of the same event that is not merged
 * itself, never into itself, and never from a practice merged already. An approved practice goes
 * only into an approved one: its citations and running-order places follow it, and would
 * otherwise show a practice nobody but its parliament may read. (Another event's target is
 * answered as not found before this is asked.)
 */
export function mergeRefusal(
  source: { id: string; eventId: string; status: PracticeStatus },
  target: { id: string; eventId: string; status: PracticeStatus },
): 'already_merged' | 'itself' | 'other_event' | 'target_merged' | 'target_not_approved' | null {
  if (source.status === 'merged') return 'already_merged';
  if (source.id === target.id) return 'itself';
  if (source.eventId !== target.eventId) return 'other_event';
  if (target.status === 'merged') return 'target_merged';
  if (source.status === 'approved' && target.status !== 'approved') return 'target_not_approved';
  return null;
}
