import type { Permission, ReviewStatus, Role, Scope } from '@draftroom/shared';
import type { PersonRecord } from '../../persistence/index.ts';
import { actorMayMove, movesOf, type ReviewActor } from './reviewMoves.ts';

/**
 * Who may do what, as pure functions of the person and the place. Every route and the
 * websocket ask these, so the rules are written once:
 * - organisers may do everything in their event;
 * - facilitators manage, and write in, the groups they reach: their invite's scope (the event,
 *   a session, or a group) plus any group they are a member of;
 * - participants write in the guides of their own groups;
 * - observers read the guides their scope reaches (and those of groups they are in);
 * - nobody reaches anything in another event.
 */
export interface Viewer {
  person: PersonRecord;
  /** The groups this person is a member of. */
  groupIds: readonly string[];
}

/** Where a group sits in the programme. */
export interface GroupPlace {
  eventId: string;
  sessionId: string;
  groupId: string;
}

function scopeReaches(viewer: Viewer, place: GroupPlace): boolean {
  const { scope } = viewer.person;
  switch (scope.type) {
    case 'event':
      return scope.id === place.eventId;
    case 'session':
      return scope.id === place.sessionId;
    case 'group':
      return scope.id === place.groupId;
  }
}

export function isOrganiserOf(viewer: Viewer, eventId: string): boolean {
  return viewer.person.role === 'organiser' && viewer.person.eventId === eventId;
}

/** May this person manage the group: edit it, assign and remove its members? */
export function canManageGroup(viewer: Viewer, place: GroupPlace): boolean {
  if (viewer.person.eventId !== place.eventId) return false;
  if (viewer.person.role === 'organiser') return true;
  if (viewer.person.role !== 'facilitator') return false;
  return scopeReaches(viewer, place) || viewer.groupIds.includes(place.groupId);
}

/**
 * May this person put someone into `into`, taking them out of `leaving` (the other groups of the
 * session they are in now)? A move changes both groups, so it needs rights on both: otherwise a
 * facilitator of one group could empty a sibling group they may not touch.
 */
export function canMoveMember(
  viewer: Viewer,
  into: GroupPlace,
  leaving: readonly GroupPlace[],
): boolean {
  return canManageGroup(viewer, into) && leaving.every((from) => canManageGroup(viewer, from));
}

/** May this person lock and unlock the guide of a group? Those who manage the group. */
export function canLockGuide(viewer: Viewer, place: GroupPlace): boolean {
  return canManageGroup(viewer, place);
}

/** May this person add groups to the session and balance its members? */
export function canManageSession(
  viewer: Viewer,
  session: { eventId: string; sessionId: string },
): boolean {
  if (viewer.person.eventId !== session.eventId) return false;
  if (viewer.person.role === 'organiser') return true;
  if (viewer.person.role !== 'facilitator') return false;
  const { scope } = viewer.person;
  return (
    (scope.type === 'event' && scope.id === session.eventId) ||
    (scope.type === 'session' && scope.id === session.sessionId)
  );
}

/**
 * May this person see how many plan to attend the session (to size its groups before the day)?
 * Organisers, for every session; facilitators, for the sessions they run: those their scope
 * reaches, or where they manage one of the groups. Who plans to attend stays private: only the
 * number is shown, and nobody else sees even that.
 */
export function canSeeAttendance(
  viewer: Viewer,
  session: { eventId: string; sessionId: string },
  sessionGroupIds: readonly string[],
): boolean {
  if (canManageSession(viewer, session)) return true;
  return sessionGroupIds.some((groupId) => canManageGroup(viewer, { ...session, groupId }));
}

/** May this person run the event: its settings, people, invites and imports? Organisers only. */
export function canAdministerEvent(viewer: Viewer): boolean {
  return viewer.person.role === 'organiser';
}

/**
 * May this person see, write and remove the event's guide templates (and so choose what every
 * group's guide starts from)? Organisers only: a template reaches every session of the event.
 */
export function canManageTemplates(viewer: Viewer): boolean {
  return viewer.person.role === 'organiser';
}

/** May this person remove a group (its guide then belongs to the organisers alone)? */
export function canRemoveGroup(viewer: Viewer, place: GroupPlace): boolean {
  return isOrganiserOf(viewer, place.eventId);
}

/**
 * May this person open the organisers' dashboard of their event (every guide, who is online,
 * activity)? Organisers only: facilitators run their sessions from the session console.
 */
export function canSeeDashboard(viewer: Viewer, eventId: string): boolean {
  return isOrganiserOf(viewer, eventId);
}

/** May this person see everyone in the event, with their groups (to assign them)? */
export function canListPeople(viewer: Viewer): boolean {
  return viewer.person.role === 'organiser' || viewer.person.role === 'facilitator';
}

/** May this person see people's email addresses? Facilitators get names and groups only. */
export function canSeeEmails(viewer: Viewer): boolean {
  return viewer.person.role === 'organiser';
}

/**
 * Would giving this person this role take away the viewer's own organiser role? Refused: an
 * organiser who demotes themselves by mistake cannot undo it; another organiser must.
 */
export function demotesSelf(viewer: Viewer, personId: string, role: Role | undefined): boolean {
  return personId === viewer.person.id && role !== undefined && role !== 'organiser';
}

/** May an invite give this role with this scope? Organisers are invited to the whole event. */
export function roleFitsScope(role: Role, scope: Scope): boolean {
  return role !== 'organiser' || scope.type === 'event';
}

/** Does a person of this role take a seat in a group? Facilitators and observers do not. */
export function takesSeat(role: Role): boolean {
  return role === 'participant';
}

/**
 * May this person choose their own group in this session now? Participants whose invite reaches
 * the session (the event or this session), when the session lets them choose, while they are in
 * none of its groups. The session page offers "Join this group" only when this says yes.
 */
export function canChooseGroup(
  viewer: Viewer,
  session: { eventId: string; sessionId: string; selfSelect: boolean },
  sessionGroupIds: readonly string[],
): boolean {
  const { person } = viewer;
  if (person.eventId !== session.eventId || person.role !== 'participant') return false;
  if (!session.selfSelect) return false;
  const inScope =
    (person.scope.type === 'event' && person.scope.id === session.eventId) ||
    (person.scope.type === 'session' && person.scope.id === session.sessionId);
  return inScope && !sessionGroupIds.some((id) => viewer.groupIds.includes(id));
}

/**
 * What this person may do with the guide of a group: write, read, or nothing. A locked guide
 * is read-only for its participants; its facilitators and the organisers still write (to tidy
 * it up for publication). A published guide is read-only for everyone but the organisers: it is
 * what the conference agreed, and only an organiser's reopening makes it writable again.
 */
export function guidePermission(
  viewer: Viewer,
  place: GroupPlace,
  locked = false,
  published = false,
): Permission | null {
  if (viewer.person.eventId !== place.eventId) return null;
  const member = viewer.groupIds.includes(place.groupId);
  switch (viewer.person.role) {
    case 'organiser':
      return 'write';
    case 'facilitator':
      if (!scopeReaches(viewer, place) && !member) return null;
      return published ? 'read' : 'write';
    case 'participant':
      if (!member) return null;
      return locked || published ? 'read' : 'write';
    case 'observer':
      return scopeReaches(viewer, place) || member ? 'read' : null;
  }
}

/**
 * May the server start this guide from its session's template (done when someone opens an empty,
 * unstarted guide, whoever they are)? Not while it is published: only an organiser changes a
 * published guide, and a reader's visit is not one. Reopened, it may start again.
 */
export function canStartFromTemplate(review: ReviewStatus): boolean {
  return review !== 'published';
}

/**
 * In which part of the review table (`reviewMoves.ts`) this person acts on a group's guide:
 * an organiser of its event, a facilitator who manages the group, or neither (null).
 */
export function reviewActorOf(viewer: Viewer, place: GroupPlace): ReviewActor | null {
  if (isOrganiserOf(viewer, place.eventId)) return 'organiser';
  if (viewer.person.role === 'facilitator' && canManageGroup(viewer, place)) return 'facilitator';
  return null;
}

/** May this person move the review of a group's guide from `from` to `to`? The one table says. */
export function canMoveReview(
  viewer: Viewer,
  place: GroupPlace,
  from: ReviewStatus,
  to: ReviewStatus,
): boolean {
  return actorMayMove(reviewActorOf(viewer, place), from, to);
}

/** The moves this person may make now on a guide at `from` (what the guide page offers). */
export function reviewMovesFor(
  viewer: Viewer,
  place: GroupPlace,
  from: ReviewStatus,
): ReviewStatus[] {
  return movesOf(reviewActorOf(viewer, place), from);
}

/**
 * Why someone without permission on a guide is refused: `forbidden` only for a guide of their own
 * event (they may know it exists, and a client must stop retrying); a guide of another event, or
 * none, is `not_found`. Anything in another event must look exactly like nothing at all.
 */
export function guideRefusal(
  viewer: Viewer,
  guide: { eventId: string | null } | undefined,
): 'forbidden' | 'not_found' {
  return guide !== undefined && guide.eventId === viewer.person.eventId ? 'forbidden' : 'not_found';
}

/**
 * Version history follows the permission on the guide (which the lock of a guide will lower):
 * whoever may read a guide may list and open its versions — they show nothing the guide has not
 * shown them already.
 */
export function canReadVersions(permission: Permission | null): boolean {
  return permission !== null;
}

/** Saving a named version records the guide as it is: whoever may write in it. */
export function canSaveVersion(permission: Permission | null): boolean {
  return permission === 'write';
}

/**
 * Restoring is an ordinary change of the text (it rewrites no history: the guide as it was is
 * saved first, and restoring that version undoes the restore), so it needs no more than write —
 * the same right that lets a person delete every line by hand. Readers, and participants of a
 * locked guide, may not.
 */
export function canRestoreVersion(permission: Permission | null): boolean {
  return permission === 'write';
}

/**
 * Exporting a guide shows what reading it shows, so whoever may read it may export it. The rule
 * that participants export only their own group's guide is the reading rule itself.
 */
export function canExportGuide(permission: Permission | null): boolean {
  return permission !== null;
}

/**
 * Reading a guide's current content without opening it live (comparing two guides side by side)
 * shows what opening it shows, so whoever may read the guide may: organisers every guide of
 * their event, facilitators and observers what their scope reaches, participants their own
 * group's guide only. Comparing two guides needs this on each of them.
 */
export function canReadGuideContent(permission: Permission | null): boolean {
  return permission !== null;
}

/**
 * May this person compile a session's guides into one document? Those who run the session
 * (its facilitators, the organisers) and observers whose scope takes in the whole session; each
 * guide still goes in only if they may read it. Participants read their own group's guide
 * alone, so a compilation would hold nothing more than that guide's own export.
 */
export function canCompileSession(
  viewer: Viewer,
  session: { eventId: string; id: string },
): boolean {
  if (canManageSession(viewer, { eventId: session.eventId, sessionId: session.id })) return true;
  if (viewer.person.eventId !== session.eventId || viewer.person.role !== 'observer') return false;
  const { scope } = viewer.person;
  return (
    (scope.type === 'event' && scope.id === session.eventId) ||
    (scope.type === 'session' && scope.id === session.id)
  );
}

/**
 * Comments live outside the guide's body, so reading and writing them follows reading the
 * guide: observers and organisers comment without writing a word of the text, and a locked or
 * published guide can still be discussed (a published guide is what the conference agreed;
 * comments on it are how a change is asked for, and they never change it).
 */
export function canReadComments(permission: Permission | null): boolean {
  return permission !== null;
}

/** Starting a thread and replying: whoever may read the guide (see `canReadComments`). */
export function canComment(permission: Permission | null): boolean {
  return permission !== null;
}

/**
 * May this person resolve, reopen and delete anyone's comments on a guide? Those who run the
 * group: its facilitators and the event's organisers (the review's actors). A guide without a
 * group is the organisers' alone, and only they have `write` on it.
 */
export function canModerateComments(
  viewer: Viewer,
  place: GroupPlace | null,
  permission: Permission | null,
): boolean {
  if (place === null) return permission === 'write';
  return reviewActorOf(viewer, place) !== null;
}

/** Resolve or reopen a thread: whoever started it, or a moderator (`canModerateComments`). */
export function canResolveThread(viewer: Viewer, startedBy: string, moderates: boolean): boolean {
  return moderates || viewer.person.id === startedBy;
}

/** Delete a comment: its author, or a moderator (`canModerateComments`). */
export function canDeleteComment(viewer: Viewer, authorId: string, moderates: boolean): boolean {
  return moderates || viewer.person.id === authorId;
}
