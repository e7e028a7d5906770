import type { ConferenceEvent, CreateInviteRequest, Invite, Role, Scope } from '@draftroom/shared';
import type { Mapped, Problems } from '../ui/form/problems.ts';
import { checkText, checkWholeNumber, checkZonedTime } from './formProblems.ts';
import { instantToZoned } from './zonedTime.ts';

export interface InviteFormValues {
  role: Role;
  scopeType: Scope['type'];
  sessionId: string;
  groupId: string;
  label: string;
  /** Wall clock in the event's zone. */
  expiresAt: string;
  /** As typed in the number input. */
  maxUses: string;
}

export type InviteField = 'role' | 'scope' | 'label' | 'expiresAt' | 'maxUses';

export const maxInviteUses = 10_000;

/**
 * A link for one organiser or facilitator is for one person; a participants' link is shared with
 * a whole group or delegation, so it allows more uses.
 */
export function defaultMaxUses(role: Role): number {
  return role === 'organiser' || role === 'facilitator' ? 1 : 50;
}

/**
 * Invites expire at the end of the event's last day (23:59 in its zone), or a week from now if
 * the event is already over or ends within the hour.
 */
export function defaultInviteExpiry(event: ConferenceEvent, nowMs: number): string {
  const endOfEvent = `${event.endsOn}T23:59`;
  const instant = checkZonedTime(endOfEvent, event.timeZone);
  if (instant.ok && Date.parse(instant.instant) > nowMs + 3_600_000) return endOfEvent;
  return instantToZoned(new Date(nowMs + 7 * 86_400_000).toISOString(), event.timeZone);
}

export function newInviteValues(event: ConferenceEvent, nowMs: number): InviteFormValues {
  return {
    role: 'participant',
    scopeType: 'event',
    sessionId: '',
    groupId: '',
    label: '',
    expiresAt: defaultInviteExpiry(event, nowMs),
    maxUses: String(defaultMaxUses('participant')),
  };
}

/** Organisers run the whole event, so their invites always reach it whole. */
export function effectiveScopeType(values: Pick<InviteFormValues, 'role' | 'scopeType'>) {
  return values.role === 'organiser' ? 'event' : values.scopeType;
}

/** The invite form → POST /api/invites; the expiry is read in the event's zone. */
export function toCreateInviteRequest(
  values: InviteFormValues,
  event: ConferenceEvent,
  nowMs: number,
): Mapped<CreateInviteRequest, InviteField> {
  const problems: Problems<InviteField> = {};
  const scopeType = effectiveScopeType(values);
  let scopeId = event.id;
  if (scopeType === 'session') {
    scopeId = values.sessionId;
    if (scopeId === '') problems.scope = { key: 'chooseSession' };
  } else if (scopeType === 'group') {
    scopeId = values.groupId;
    if (scopeId === '') problems.scope = { key: 'chooseGroup' };
  }
  const label = checkText(values.label, 120, { optional: true });
  if (label) problems.label = label;
  const expiresAt = checkZonedTime(values.expiresAt, event.timeZone);
  if (!expiresAt.ok) problems.expiresAt = expiresAt.problem;
  else if (Date.parse(expiresAt.instant) <= nowMs) problems.expiresAt = { key: 'notInFuture' };
  const maxUses = checkWholeNumber(values.maxUses, 1, maxInviteUses);
  if (!maxUses.ok) problems.maxUses = maxUses.problem;
  if (!expiresAt.ok || !maxUses.ok || Object.keys(problems).length > 0) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    request: {
      role: values.role,
      scope: { type: scopeType, id: scopeId },
      label: values.label.trim(),
      expiresAt: expiresAt.instant,
      maxUses: maxUses.value,
    },
  };
}

export type InviteStatus = 'active' | 'revoked' | 'expired' | 'usedUp';

/** Whether a listed invite still lets people in, and if not, why. */
export function inviteStatus(invite: Invite, nowMs: number): InviteStatus {
  if (invite.revoked) return 'revoked';
  if (Date.parse(invite.expiresAt) <= nowMs) return 'expired';
  if (invite.uses >= invite.maxUses) return 'usedUp';
  return 'active';
}

/** The full link to hand out: the join path the server returned once, on this site's origin. */
export function joinUrl(origin: string, joinPath: string): string {
  return `${origin.replace(/\/+$/, '')}/${joinPath.replace(/^\/+/, '')}`;
}
