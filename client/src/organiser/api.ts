import { z } from 'zod';
import {
  apiPath,
  autoAssignResultSchema,
  createdInviteSchema,
  eventSchema,
  groupSchema,
  importReportSchema,
  inviteListSchema,
  meSchema,
  personListSchema,
  personSchema,
  programmeSchema,
  sessionDetailSchema,
  sessionSchema,
  type AutoAssignLeftovers,
  type AutoAssignRequest,
  type AutoAssignResult,
  type BreakoutGroup,
  type ConferenceEvent,
  type ConferenceSession,
  type CreatedInvite,
  type CreateInviteRequest,
  type GroupInput,
  type ImportReport,
  type ImportRequest,
  type Invite,
  type Me,
  type Person,
  type Programme,
  type Role,
  type SessionDetail,
  type SessionInput,
  type UpdateEventRequest,
} from '@draftroom/shared';
import { requestJson } from '../api/client.ts';

/**
 * The organiser screens' REST calls, one function per route of `apiRoutes`. Every body is parsed
 * with the shared schema by `requestJson`, so a server that drifts from the contract fails here.
 */

/** 204 responses have no body; `requestJson` parses `undefined` against this. */
const noContent = z.undefined();

type Signal = AbortSignal | undefined;

export function getMe(signal?: Signal): Promise<Me> {
  return requestJson(apiPath('me'), meSchema, { signal });
}

export function getProgramme(signal?: Signal): Promise<Programme> {
  return requestJson(apiPath('programme'), programmeSchema, { signal });
}

export function updateEvent(body: UpdateEventRequest): Promise<ConferenceEvent> {
  return requestJson(apiPath('updateEvent'), eventSchema, { method: 'PUT', body });
}

export function createSession(body: SessionInput): Promise<ConferenceSession> {
  return requestJson(apiPath('createSession'), sessionSchema, { method: 'POST', body });
}

export function updateSession(sessionId: string, body: SessionInput): Promise<ConferenceSession> {
  return requestJson(apiPath('updateSession', { sessionId }), sessionSchema, {
    method: 'PUT',
    body,
  });
}

export async function deleteSession(sessionId: string): Promise<void> {
  await requestJson(apiPath('deleteSession', { sessionId }), noContent, { method: 'DELETE' });
}

export function getSession(sessionId: string, signal?: Signal): Promise<SessionDetail> {
  return requestJson(apiPath('getSession', { sessionId }), sessionDetailSchema, { signal });
}

export function getGroup(groupId: string, signal?: Signal): Promise<BreakoutGroup> {
  return requestJson(apiPath('getGroup', { groupId }), groupSchema, { signal });
}

export function createGroup(sessionId: string, body: GroupInput): Promise<BreakoutGroup> {
  return requestJson(apiPath('createGroup', { sessionId }), groupSchema, { method: 'POST', body });
}

export function updateGroup(groupId: string, body: GroupInput): Promise<BreakoutGroup> {
  return requestJson(apiPath('updateGroup', { groupId }), groupSchema, { method: 'PUT', body });
}

export async function deleteGroup(groupId: string): Promise<void> {
  await requestJson(apiPath('deleteGroup', { groupId }), noContent, { method: 'DELETE' });
}

export function assignMembers(groupId: string, personIds: string[]): Promise<BreakoutGroup> {
  return requestJson(apiPath('assignMembers', { groupId }), groupSchema, {
    method: 'POST',
    body: { personIds },
  });
}

export async function removeMember(groupId: string, personId: string): Promise<void> {
  await requestJson(apiPath('removeMember', { groupId, personId }), noContent, {
    method: 'DELETE',
  });
}

export function autoAssign(
  sessionId: string,
  leftovers: AutoAssignLeftovers,
): Promise<AutoAssignResult> {
  const body: AutoAssignRequest = { leftovers };
  return requestJson(apiPath('autoAssign', { sessionId }), autoAssignResultSchema, {
    method: 'POST',
    body,
  });
}

export async function listPeople(signal?: Signal): Promise<Person[]> {
  const { people } = await requestJson(apiPath('listPeople'), personListSchema, { signal });
  return people;
}

export function changeRole(personId: string, role: Role): Promise<Person> {
  return requestJson(apiPath('updatePerson', { personId }), personSchema, {
    method: 'PATCH',
    body: { role },
  });
}

export async function revokeSignIns(personId: string): Promise<void> {
  await requestJson(apiPath('revokePerson', { personId }), noContent, { method: 'POST' });
}

/** A personal, single-use sign-in link for someone; its token is returned this once. */
export function makePersonLink(personId: string): Promise<CreatedInvite> {
  return requestJson(apiPath('personLink', { personId }), createdInviteSchema, { method: 'POST' });
}

export function importPeople(body: ImportRequest): Promise<ImportReport> {
  return requestJson(apiPath('importPeople'), importReportSchema, { method: 'POST', body });
}

export async function listInvites(signal?: Signal): Promise<Invite[]> {
  const { invites } = await requestJson(apiPath('listInvites'), inviteListSchema, { signal });
  return invites;
}

export function createInvite(body: CreateInviteRequest): Promise<CreatedInvite> {
  return requestJson(apiPath('createInvite'), createdInviteSchema, { method: 'POST', body });
}

export async function revokeInvite(inviteId: string): Promise<void> {
  await requestJson(apiPath('revokeInvite', { inviteId }), noContent, { method: 'DELETE' });
}
