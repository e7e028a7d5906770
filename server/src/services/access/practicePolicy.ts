import { parliamentKey, type PracticeStatus } from '@draftroom/shared';
import { isOrganiserOf, type Viewer } from './policy.ts';

/**
 * Who may do what with the good-practice library (issue 17), as pure functions like `policy.ts`:
 * - a practice belongs to one parliament of one event; nobody reaches another event's (404);
 * - everyone signed in to the event reads approved practices (observers included);
 * - a parliament's delegates (anyone of the event but observers, whose parliament and country
 *   are the practice's: `parliamentKey`) read and write their parliament's practices in any
 *   status but merged, and submit new ones for their parliament only;
 * - the organisers read and write everything of their event, curate (approve, ask for changes,
 *   merge), choose what is public and publish the library.
 */

/** What the rules need of a practice. */
export interface PracticeAccessFacts {
  eventId: string;
  status: PracticeStatus;
  /** `parliamentKey(parliament, country)` of the practice. */
  parliamentKey: string;
}

/** The parliament key of the viewer, or null for an observer (who speaks for no parliament). */
export function delegateKeyOf(viewer: Viewer): string | null {
  if (viewer.person.role === 'observer') return null;
  return parliamentKey(viewer.person.parliament, viewer.person.country);
}

/** Is the viewer one of this practice's parliament's delegates? */
export function isDelegateOf(viewer: Viewer, practice: PracticeAccessFacts): boolean {
  return (
    viewer.person.eventId === practice.eventId && delegateKeyOf(viewer) === practice.parliamentKey
  );
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
  return delegateKeyOf(viewer) === key;
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
 * itself, never into itself, and never from a practice merged already. (Another event's target
 * is answered as not found before this is asked.)
 */
export function mergeRefusal(
  source: { id: string; eventId: string; status: PracticeStatus },
  target: { id: string; eventId: string; status: PracticeStatus },
): 'already_merged' | 'itself' | 'other_event' | 'target_merged' | null {
  if (source.status === 'merged') return 'already_merged';
  if (source.id === target.id) return 'itself';
  if (source.eventId !== target.eventId) return 'other_event';
  if (target.status === 'merged') return 'target_merged';
  return null;
}
