import type { z } from 'zod';
import {
  assignMembersRequestSchema,
  autoAssignRequestSchema,
  autoAssignResultSchema,
  deviceLinkSchema,
  deviceSignInRequestSchema,
  eventSchema,
  groupInputSchema,
  groupSchema,
  inviteContactSchema,
  invitePreviewSchema,
  joinRequestSchema,
  meSchema,
  programmeSchema,
  sessionDetailSchema,
  sessionInputSchema,
  sessionSchema,
  updateEventRequestSchema,
  updateProfileRequestSchema,
} from '../conference/index.ts';
import {
  guideContributorsSchema,
  guideListSchema,
  guideLockResultSchema,
  guideSchema,
  setGuideLockRequestSchema,
} from './guides.ts';
import { peopleRoutes } from './peopleRoutes.ts';
import { templateRoutes } from './templateRoutes.ts';
import { sessionLiveRoutes } from './sessionLiveRoutes.ts';
import { versionRoutes } from './versionRoutes.ts';
import { exportRoutes } from './exportRoutes.ts';
import { commentRoutes } from './commentRoutes.ts';
import { reviewRoutes } from './reviewRoutes.ts';
import { searchRoutes } from './searchRoutes.ts';
import { guideContentRoutes } from './guideContentRoutes.ts';
import { dashboardRoutes } from './dashboardRoutes.ts';
import { interactionRoutes } from './interactionRoutes.ts';
import { dotVoteRoutes } from './dotVoteRoutes.ts';
import { registrationRoutes } from './registrationRoutes.ts';
import { attendanceRoutes } from './attendanceRoutes.ts';
import { practiceRoutes } from './practiceRoutes.ts';

/**
 * Who may call a route. The server enforces finer rules (a facilitator only for their own
 * sessions and groups, everything only within the caller's event); this is the coarse gate
 * documented in the OpenAPI document.
 */
export type RouteAccess = 'public' | 'signedIn' | 'facilitator' | 'organiser';

export interface ApiRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path under `/api`, parameters as `:name`. */
  path: string;
  summary: string;
  access: RouteAccess;
  request?: z.ZodType;
  /** The query string's parameters, parsed by this schema (unknown ones refused). */
  query?: z.ZodType;
  /** The route answers with a file (`DownloadFile`), not JSON. */
  download?: true;
  /** Success status and body (`null` for 204 No Content). */
  status: 200 | 201 | 204;
  response: z.ZodType | null;
}

/**
 * Every REST route, in one table: the server mounts handlers by these paths, the OpenAPI document
 * is generated from it, and the authorization test matrix walks it so no route goes untested.
 */
export const apiRoutes = {
  invitePreview: {
    method: 'get',
    path: '/invites/:token/preview',
    summary: 'What an invite link leads to, shown on the join page before joining.',
    access: 'public',
    status: 200,
    response: invitePreviewSchema,
  },
  inviteContact: {
    method: 'get',
    path: '/invites/:token/contact',
    summary:
      "The event's contact address for an invite link, also when the link no longer works (null when none was given or the link is unknown).",
    access: 'public',
    status: 200,
    response: inviteContactSchema,
  },
  join: {
    method: 'post',
    path: '/invites/:token/join',
    summary: 'Join with an invite link; sets the httpOnly session cookie.',
    access: 'public',
    request: joinRequestSchema,
    status: 201,
    response: meSchema,
  },
  me: {
    method: 'get',
    path: '/me',
    summary: 'The signed-in person and what they may do.',
    access: 'signedIn',
    status: 200,
    response: meSchema,
  },
  updateMe: {
    method: 'patch',
    path: '/me',
    summary: 'Change your own name, parliament, country, language or email.',
    access: 'signedIn',
    request: updateProfileRequestSchema,
    status: 200,
    response: meSchema,
  },
  signOut: {
    method: 'post',
    path: '/me/sign-out',
    summary: 'End this sign-in (the cookie stops working everywhere at once).',
    access: 'signedIn',
    status: 204,
    response: null,
  },
  addDevice: {
    method: 'post',
    path: '/me/devices',
    summary:
      'A link and a short code, valid for 10 minutes and once, that sign another device in as you.',
    access: 'signedIn',
    status: 201,
    response: deviceLinkSchema,
  },
  deviceSignIn: {
    method: 'post',
    path: '/devices/sign-in',
    summary:
      "Sign this device in with another device's link or code; sets the session cookie. Wrong codes are rate-limited.",
    access: 'public',
    request: deviceSignInRequestSchema,
    status: 201,
    response: meSchema,
  },
  programme: {
    method: 'get',
    path: '/programme',
    summary: "The caller's event and all its sessions.",
    access: 'signedIn',
    status: 200,
    response: programmeSchema,
  },
  updateEvent: {
    method: 'put',
    path: '/event',
    summary: "Edit the caller's event.",
    access: 'organiser',
    request: updateEventRequestSchema,
    status: 200,
    response: eventSchema,
  },
  createSession: {
    method: 'post',
    path: '/sessions',
    summary: 'Add a session to the programme.',
    access: 'organiser',
    request: sessionInputSchema,
    status: 201,
    response: sessionSchema,
  },
  getSession: {
    method: 'get',
    path: '/sessions/:sessionId',
    summary: 'A session with its groups and who is in each.',
    access: 'signedIn',
    status: 200,
    response: sessionDetailSchema,
  },
  updateSession: {
    method: 'put',
    path: '/sessions/:sessionId',
    summary: 'Edit a session.',
    access: 'organiser',
    request: sessionInputSchema,
    status: 200,
    response: sessionSchema,
  },
  deleteSession: {
    method: 'delete',
    path: '/sessions/:sessionId',
    summary: 'Remove a session that has no groups left.',
    access: 'organiser',
    status: 204,
    response: null,
  },
  createGroup: {
    method: 'post',
    path: '/sessions/:sessionId/groups',
    summary: 'Add a breakout group (and its guide) to a co-creation session.',
    access: 'facilitator',
    request: groupInputSchema,
    status: 201,
    response: groupSchema,
  },
  autoAssign: {
    method: 'post',
    path: '/sessions/:sessionId/auto-assign',
    summary:
      "Place the session's unassigned participants in its groups: those with a group in their language first, then those without one; balanced, parliaments mixed, capacity respected. `leftovers: anyGroup` also places anyone left over in any group with room (marked as a language mismatch).",
    access: 'facilitator',
    request: autoAssignRequestSchema,
    status: 200,
    response: autoAssignResultSchema,
  },
  getGroup: {
    method: 'get',
    path: '/groups/:groupId',
    summary: 'A group and its members.',
    access: 'signedIn',
    status: 200,
    response: groupSchema,
  },
  updateGroup: {
    method: 'put',
    path: '/groups/:groupId',
    summary: 'Edit a group.',
    access: 'facilitator',
    request: groupInputSchema,
    status: 200,
    response: groupSchema,
  },
  deleteGroup: {
    method: 'delete',
    path: '/groups/:groupId',
    summary: 'Remove a group that has no members.',
    access: 'organiser',
    status: 204,
    response: null,
  },
  assignMembers: {
    method: 'post',
    path: '/groups/:groupId/members',
    summary: 'Put people in this group (moving them from other groups of the same session).',
    access: 'facilitator',
    request: assignMembersRequestSchema,
    status: 200,
    response: groupSchema,
  },
  removeMember: {
    method: 'delete',
    path: '/groups/:groupId/members/:personId',
    summary: 'Take someone out of a group; their open editors lose access at once.',
    access: 'facilitator',
    status: 204,
    response: null,
  },
  selfSelect: {
    method: 'post',
    path: '/groups/:groupId/self-select',
    summary: 'Join this group yourself, when the session lets participants choose.',
    access: 'signedIn',
    status: 200,
    response: groupSchema,
  },
  listGuides: {
    method: 'get',
    path: '/guides',
    summary: 'The guides the caller may open.',
    access: 'signedIn',
    status: 200,
    response: guideListSchema,
  },
  getGuide: {
    method: 'get',
    path: '/guides/:guideId',
    summary: 'One guide and what the caller may do with it.',
    access: 'signedIn',
    status: 200,
    response: guideSchema,
  },
  setGuideLock: {
    method: 'put',
    path: '/guides/:guideId/lock',
    summary:
      "Lock or unlock a group's guide: locked, its participants read it and their open editors turn read-only at once; its facilitators and the organisers still write.",
    access: 'facilitator',
    request: setGuideLockRequestSchema,
    status: 200,
    response: guideLockResultSchema,
  },
  setSessionLock: {
    method: 'put',
    path: '/sessions/:sessionId/lock',
    summary: 'Lock or unlock the guides of every group of a session at once.',
    access: 'facilitator',
    request: setGuideLockRequestSchema,
    status: 200,
    response: guideLockResultSchema,
  },
  guideContributors: {
    method: 'get',
    path: '/guides/:guideId/contributors',
    summary:
      'Who wrote the guide, per person and per parliament, as the server recorded it from sign-ins.',
    access: 'signedIn',
    status: 200,
    response: guideContributorsSchema,
  },
  // People and invite links, then each feature's routes: their own files.
  ...peopleRoutes,
  ...templateRoutes,
  ...sessionLiveRoutes,
  ...versionRoutes,
  ...exportRoutes,
  ...reviewRoutes,
  ...searchRoutes,
  ...guideContentRoutes,
  ...commentRoutes,
  ...dashboardRoutes,
  ...interactionRoutes,
  ...dotVoteRoutes,
  ...registrationRoutes,
  ...attendanceRoutes,
  ...practiceRoutes,
} as const satisfies Record<string, ApiRoute>;

export type ApiRouteName = keyof typeof apiRoutes;

// What each route takes and answers, as types derived from the table: their own file.
export type {
  DownloadFile,
  RouteBody,
  RouteParams,
  RouteQuery,
  RouteResponse,
} from './routeTypes.ts';

/** Fills `:name` parameters: `apiPath('getGroup', { groupId })` → `/api/groups/abc`. */
export function apiPath(name: ApiRouteName, params: Record<string, string> = {}): string {
  const path = apiRoutes[name].path.replace(/:(\w+)/g, (_match, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`apiPath(${name}): missing parameter ${key}`);
    return encodeURIComponent(value);
  });
  return `/api${path}`;
}

/** Name of the httpOnly session cookie. */
export const sessionCookieName = 'draftroom_session';
