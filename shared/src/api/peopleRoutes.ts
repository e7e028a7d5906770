import {
  createdInviteSchema,
  createInviteRequestSchema,
  importReportSchema,
  importRequestSchema,
  inviteListSchema,
  personListSchema,
  personSchema,
  updatePersonRequestSchema,
} from '../conference/index.ts';
import type { ApiRoute } from './routes.ts';

/**
 * People and invite links (spread into `apiRoutes`): who is in the event, their roles and
 * sign-ins, the registration CSV import, and the links people join with.
 */
export const peopleRoutes = {
  listPeople: {
    method: 'get',
    path: '/people',
    summary: "Everyone in the caller's event.",
    access: 'facilitator',
    status: 200,
    response: personListSchema,
  },
  updatePerson: {
    method: 'patch',
    path: '/people/:personId',
    summary: "Change someone's role, or confirm their parliament and country as they stand.",
    access: 'organiser',
    request: updatePersonRequestSchema,
    status: 200,
    response: personSchema,
  },
  revokePerson: {
    method: 'post',
    path: '/people/:personId/revoke',
    summary: "End all of someone's sign-ins; their open editors are disconnected.",
    access: 'organiser',
    status: 204,
    response: null,
  },
  personLink: {
    method: 'post',
    path: '/people/:personId/link',
    summary:
      'Make a personal, single-use sign-in link for someone (imported people, or someone who lost their link).',
    access: 'organiser',
    status: 201,
    response: createdInviteSchema,
  },
  importPeople: {
    method: 'post',
    path: '/people/import',
    summary:
      'Import a registration CSV: a row-by-row report, and nothing written unless every row is valid.',
    access: 'organiser',
    request: importRequestSchema,
    status: 200,
    response: importReportSchema,
  },
  listInvites: {
    method: 'get',
    path: '/invites',
    summary: "The event's invite links (without their tokens).",
    access: 'organiser',
    status: 200,
    response: inviteListSchema,
  },
  createInvite: {
    method: 'post',
    path: '/invites',
    summary: 'Make an invite link; its token is returned once.',
    access: 'organiser',
    request: createInviteRequestSchema,
    status: 201,
    response: createdInviteSchema,
  },
  revokeInvite: {
    method: 'delete',
    path: '/invites/:inviteId',
    summary: 'Revoke an invite link; people who already joined keep their access.',
    access: 'organiser',
    status: 204,
    response: null,
  },
} as const satisfies Record<string, ApiRoute>;
