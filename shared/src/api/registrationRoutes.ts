import {
  createdDelegationSchema,
  decidedDelegatesSchema,
  decideDelegatesRequestSchema,
  delegateSchema,
  delegationFormSchema,
  delegationLinkSchema,
  delegationSchema,
  inviteDelegationRequestSchema,
  registrationOverviewSchema,
  registrationSettingsSchema,
  registrationWindowSchema,
  saveDelegationRequestSchema,
  startDelegationRequestSchema,
  updateDelegationRequestSchema,
  updateRegistrationSettingsRequestSchema,
} from '../conference/index.ts';
import type { ApiRoute } from './routes.ts';

/**
 * Registration of delegations (spread into `apiRoutes`). Focal points use no sign-in: their
 * private link's token is the key (`/registration/:token`), checked like an invite's; the public
 * page's token only starts new delegations. Everything else is the organisers'.
 */
export const registrationRoutes = {
  delegationForm: {
    method: 'get',
    path: '/registration/:token',
    summary:
      'A delegation as its focal point sees it, with the deadline and, once closed, why and whom to contact.',
    access: 'public',
    status: 200,
    response: delegationFormSchema,
  },
  saveDelegation: {
    method: 'put',
    path: '/registration/:token',
    summary:
      'Save the whole delegation (focal point and delegates) before the deadline; after it, 409 `registration_closed`.',
    access: 'public',
    request: saveDelegationRequestSchema,
    status: 200,
    response: delegationFormSchema,
  },
  publicRegistration: {
    method: 'get',
    path: '/registration/open/:token',
    summary:
      'The public registration page: the event, its deadline, and whether it takes registrations.',
    access: 'public',
    status: 200,
    response: registrationWindowSchema,
  },
  startDelegation: {
    method: 'post',
    path: '/registration/open/:token',
    summary:
      "Start a parliament's delegation from the public page; answers with the delegation's private link (once).",
    access: 'public',
    request: startDelegationRequestSchema,
    status: 201,
    response: delegationLinkSchema,
  },
  registrationOverview: {
    method: 'get',
    path: '/registrations',
    summary: "The event's registration settings and every delegation with its delegates.",
    access: 'organiser',
    status: 200,
    response: registrationOverviewSchema,
  },
  registrationSettings: {
    method: 'put',
    path: '/registrations/settings',
    summary: 'Open or close registration, set (or extend) the deadline, offer the public page.',
    access: 'organiser',
    request: updateRegistrationSettingsRequestSchema,
    status: 200,
    response: registrationSettingsSchema,
  },
  inviteDelegation: {
    method: 'post',
    path: '/registrations/delegations',
    summary: "Invite a parliament: its focal point's private registration link is returned once.",
    access: 'organiser',
    request: inviteDelegationRequestSchema,
    status: 201,
    response: createdDelegationSchema,
  },
  updateDelegation: {
    method: 'patch',
    path: '/registrations/delegations/:delegationId',
    summary: "Correct a delegation's parliament or focal point, or reopen it until a date.",
    access: 'organiser',
    request: updateDelegationRequestSchema,
    status: 200,
    response: delegationSchema,
  },
  delegationLink: {
    method: 'post',
    path: '/registrations/delegations/:delegationId/link',
    summary: 'A new private link for the focal point; the old one stops working.',
    access: 'organiser',
    status: 201,
    response: delegationLinkSchema,
  },
  decideDelegates: {
    method: 'post',
    path: '/registrations/decisions',
    summary:
      'Approve or decline delegates. Approving makes each a participant and queues their personal sign-in email (when mail is configured).',
    access: 'organiser',
    request: decideDelegatesRequestSchema,
    status: 200,
    response: decidedDelegatesSchema,
  },
  resendDelegateEmail: {
    method: 'post',
    path: '/registrations/delegates/:delegateId/email',
    summary: "Queue an approved delegate's sign-in email again (a new personal link).",
    access: 'organiser',
    status: 200,
    response: delegateSchema,
  },
  exportRegistrations: {
    method: 'get',
    path: '/registrations.csv',
    summary:
      'Every delegate as a CSV file (UTF-8 with BOM, formulas neutralised): parliament, country, region, name, function, email, languages, audiences, status.',
    access: 'organiser',
    status: 200,
    response: null,
    download: true,
  },
} as const satisfies Record<string, ApiRoute>;
