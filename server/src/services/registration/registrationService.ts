import {
  decideDelegatesRequestSchema,
  inviteDelegationRequestSchema,
  registrationTokenSchema,
  saveDelegationRequestSchema,
  startDelegationRequestSchema,
  updateDelegationRequestSchema,
  updateRegistrationSettingsRequestSchema,
  type ConferenceEvent,
  type CreatedDelegation,
  type DecideDelegatesRequest,
  type Delegate,
  type DelegationForm,
  type DelegationLink,
  type Delegation,
  type DownloadFile,
  type InviteDelegationRequest,
  type RegistrationOverview,
  type RegistrationSettings,
  type RegistrationWindow,
  type SaveDelegationRequest,
  type StartDelegationRequest,
  type UpdateDelegationRequest,
  type UpdateRegistrationSettingsRequest,
} from '@draftroom/shared';
import { DomainError, conflict, forbidden, notFound } from '../../lib/domainError.ts';
import { randomId } from '../../lib/ids.ts';
import type {
  ConferenceStore,
  DelegationRecord,
  DelegationSource,
  RegistrationSettingsRecord,
  Repositories,
} from '../../persistence/index.ts';
import { isDuplicateDelegateEmail } from '../../persistence/repositories/registration.ts';
import {
  canManageRegistration,
  registrationClosedReason,
  registrationDeadlineFor,
} from '../access/registrationPolicy.ts';
import type { Viewer } from '../access/policy.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { EventBus } from '../events/eventBus.ts';
import { exportFileName } from '../exports/filename.ts';
import { decideIn, queueSignInEmail, type RegistrationMail } from './decisions.ts';
import { saveDelegationIn } from './delegationSave.ts';
import { delegateOf, delegationOf, delegationsOf, focalDelegateOf } from './presentRegistration.ts';
import { registrationCsv } from './registrationCsv.ts';

export type { RegistrationMail } from './decisions.ts';

/** More delegations than any conference has parliaments: the public page cannot be flooded. */
export const maxDelegationsPerEvent = 1000;

const registrationPathFor = (token: string) => `/register/${token}`;
const publicPathFor = (token: string) => `/register/open/${token}`;

const linkInvalid = () =>
  new DomainError(
    'registration_link_invalid',
    'This registration link is not valid: it may be incomplete, or the organisers may have replaced it with a new one. Ask them for the current link.',
  );

/**
 * Registration of delegations (issue 16). Focal points have no sign-in: the private link's token
 * (only its SHA-256 is stored, like invite tokens) reaches exactly its own delegation; the public
 * page's token (stored as is: it is meant to be shared) only starts new delegations. Everything
 * else is the organisers' of the event. Approved delegates become participants, and their sign-in
 * email is queued in the outbox in the same transaction (`decisions.ts`).
 */
export function createRegistrationService(
  persistence: ConferenceStore,
  events: EventBus,
  mail: RegistrationMail,
) {
  const { repositories } = persistence;
  let lastTime = 0;
  const now = () => {
    lastTime = Math.max(Date.now(), lastTime + 1);
    return new Date(lastTime).toISOString();
  };

  function organiserOf(viewer: Viewer): string {
    const { eventId } = viewer.person;
    if (!canManageRegistration(viewer, eventId)) {
      throw forbidden('Only the organisers manage registration.');
    }
    return eventId;
  }

  async function eventOf(repos: Repositories, eventId: string): Promise<ConferenceEvent> {
    const event = await repos.events.get(eventId);
    if (!event) throw notFound('This event');
    return event;
  }

  /** The delegation a focal point's link opens; malformed, unknown or replaced: invalid. */
  async function delegationByToken(repos: Repositories, token: string): Promise<DelegationRecord> {
    if (!registrationTokenSchema.safeParse(token).success) throw linkInvalid();
    const delegation = await repos.registration.delegationByTokenHash(hashToken(token));
    if (!delegation) throw linkInvalid();
    return delegation;
  }

  async function publicSettings(
    repos: Repositories,
    token: string,
  ): Promise<RegistrationSettingsRecord> {
    if (!registrationTokenSchema.safeParse(token).success) throw linkInvalid();
    const settings = await repos.registration.settingsByPublicToken(token);
    if (!settings) throw linkInvalid();
    return settings;
  }

  function windowOf(
    event: ConferenceEvent,
    settings: RegistrationSettingsRecord | undefined,
    delegation: DelegationRecord | null,
  ): RegistrationWindow {
    const at = Date.now();
    return {
      eventName: event.name,
      eventLanguages: event.languages,
      timeZone: event.timeZone,
      deadline: registrationDeadlineFor(settings, delegation, at),
      closedReason: registrationClosedReason(settings, delegation, at),
      contactEmail: event.contactEmail,
    };
  }

  /** Refuses a change through a closed link, saying why and whom to write to. */
  function refuseIfClosed(window: RegistrationWindow): void {
    if (window.closedReason === null) return;
    const why =
      window.closedReason === 'not_open'
        ? `Registration for ${window.eventName} is not open.`
        : `Registration for ${window.eventName} closed on ${window.deadline ?? 'its deadline'}.`;
    const contact = window.contactEmail
      ? `To change your delegation, write to the organisers at ${window.contactEmail}.`
      : 'To change your delegation, write to the organisers.';
    throw new DomainError('registration_closed', `${why} ${contact}`);
  }

  async function formOf(
    repos: Repositories,
    delegation: DelegationRecord,
  ): Promise<DelegationForm> {
    const event = await eventOf(repos, delegation.eventId);
    const settings = await repos.registration.settings(delegation.eventId);
    const delegates = await repos.registration.delegatesOf(delegation.id);
    return {
      ...windowOf(event, settings, delegation),
      parliament: delegation.parliament,
      country: delegation.country,
      focalPoint: { name: delegation.focalName, email: delegation.focalEmail },
      delegates: delegates.map(focalDelegateOf),
      submittedAt: delegation.submittedAt,
    };
  }

  /** A new delegation with its private link (returned once: only the hash is kept). */
  async function createDelegation(
    repos: Repositories,
    eventId: string,
    input: ReturnType<typeof startDelegationRequestSchema.parse>,
    source: DelegationSource,
  ): Promise<{ delegation: DelegationRecord; token: string }> {
    if ((await repos.registration.delegationsByEvent(eventId)).length >= maxDelegationsPerEvent) {
      throw conflict(
        `This event has ${maxDelegationsPerEvent} delegations, as many as it takes; write to the organisers.`,
      );
    }
    const token = newToken();
    const at = now();
    const delegation: DelegationRecord = {
      id: randomId(),
      eventId,
      parliament: input.parliament,
      country: input.country,
      focalName: input.focalPoint.name,
      focalEmail: input.focalPoint.email,
      tokenHash: hashToken(token),
      source,
      reopenedUntil: null,
      submittedAt: null,
      createdAt: at,
      updatedAt: at,
    };
    await repos.registration.createDelegation(delegation);
    return { delegation, token };
  }

  async function delegationInEvent(eventId: string, delegationId: string) {
    const delegation = await repositories.registration.delegation(delegationId);
    if (!delegation || delegation.eventId !== eventId) throw notFound('This delegation');
    return delegation;
  }

  async function presented(delegation: DelegationRecord): Promise<Delegation> {
    const [delegates, mailByDelegate] = await Promise.all([
      repositories.registration.delegatesOf(delegation.id),
      repositories.mailOutbox.latestByDelegate(delegation.eventId),
    ]);
    return delegationOf(delegation, delegates, mailByDelegate);
  }

  async function allDelegations(eventId: string): Promise<Delegation[]> {
    const [delegations, delegates, mailByDelegate] = await Promise.all([
      repositories.registration.delegationsByEvent(eventId),
      repositories.registration.delegatesByEvent(eventId),
      repositories.mailOutbox.latestByDelegate(eventId),
    ]);
    return delegationsOf(delegations, delegates, mailByDelegate);
  }

  const settingsView = (
    settings: RegistrationSettingsRecord | undefined,
  ): RegistrationSettings => ({
    open: settings?.open ?? false,
    deadline: settings?.deadline ?? null,
    publicPath: settings?.publicToken ? publicPathFor(settings.publicToken) : null,
  });

  return {
    // --- The focal point (the link is the key) ------------------------------------------------

    async delegationForm(token: string): Promise<DelegationForm> {
      return formOf(repositories, await delegationByToken(repositories, token));
    },

    async saveDelegation(token: string, request: SaveDelegationRequest): Promise<DelegationForm> {
      const input = saveDelegationRequestSchema.parse(request);
      try {
        return await persistence.transaction(async (repos) => {
          const delegation = await delegationByToken(repos, token);
          const event = await eventOf(repos, delegation.eventId);
          const settings = await repos.registration.settings(delegation.eventId);
          refuseIfClosed(windowOf(event, settings, delegation));
          await saveDelegationIn(repos, delegation, input, now());
          const saved = await repos.registration.delegation(delegation.id);
          return formOf(repos, saved ?? delegation);
        });
      } catch (error) {
        // Two saves racing for the same email: the unique (event, email) constraint decided.
        if (isDuplicateDelegateEmail(error)) {
          throw conflict(
            'One of these emails has just been registered for this event by someone else; each person is registered once. Check the list and save again.',
          );
        }
        throw error;
      }
    },

    async publicRegistration(token: string): Promise<RegistrationWindow> {
      const settings = await publicSettings(repositories, token);
      return windowOf(await eventOf(repositories, settings.eventId), settings, null);
    },

    async startDelegation(token: string, request: StartDelegationRequest): Promise<DelegationLink> {
      const input = startDelegationRequestSchema.parse(request);
      const created = await persistence.transaction(async (repos) => {
        const settings = await publicSettings(repos, token);
        refuseIfClosed(windowOf(await eventOf(repos, settings.eventId), settings, null));
        return createDelegation(repos, settings.eventId, input, 'public');
      });
      return { registrationPath: registrationPathFor(created.token) };
    },

    // --- The organisers -----------------------------------------------------------------------

    async overview(viewer: Viewer): Promise<RegistrationOverview> {
      const eventId = organiserOf(viewer);
      const settings = await repositories.registration.settings(eventId);
      return {
        settings: settingsView(settings),
        closedReason: registrationClosedReason(settings, null, Date.now()),
        mailConfigured: mail.configured,
        delegations: await allDelegations(eventId),
      };
    },

    async updateSettings(
      viewer: Viewer,
      request: UpdateRegistrationSettingsRequest,
    ): Promise<RegistrationSettings> {
      const eventId = organiserOf(viewer);
      const input = updateRegistrationSettingsRequestSchema.parse(request);
      const saved = await persistence.transaction(async (repos) => {
        const before = await repos.registration.settings(eventId);
        const settings: RegistrationSettingsRecord = {
          eventId,
          open: input.open,
          deadline: input.deadline === null ? null : new Date(input.deadline).toISOString(),
          // Turning the page on keeps its link if it had one; off forgets it, so the next one
          // made is new (a link shared too widely is withdrawn by turning the page off and on).
          publicToken: input.publicPage ? (before?.publicToken ?? newToken()) : null,
          updatedAt: now(),
        };
        await repos.registration.saveSettings(settings);
        return settings;
      });
      return settingsView(saved);
    },

    async inviteDelegation(
      viewer: Viewer,
      request: InviteDelegationRequest,
    ): Promise<CreatedDelegation> {
      const eventId = organiserOf(viewer);
      const input = inviteDelegationRequestSchema.parse(request);
      const created = await persistence.transaction((repos) =>
        createDelegation(repos, eventId, input, 'invited'),
      );
      return {
        registrationPath: registrationPathFor(created.token),
        delegation: await presented(created.delegation),
      };
    },

    async updateDelegation(
      viewer: Viewer,
      delegationId: string,
      request: UpdateDelegationRequest,
    ): Promise<Delegation> {
      const eventId = organiserOf(viewer);
      const input = updateDelegationRequestSchema.parse(request);
      const delegation = await delegationInEvent(eventId, delegationId);
      const updated: DelegationRecord = {
        ...delegation,
        parliament: input.parliament ?? delegation.parliament,
        country: input.country ?? delegation.country,
        focalName: input.focalPoint?.name ?? delegation.focalName,
        focalEmail: input.focalPoint?.email ?? delegation.focalEmail,
        reopenedUntil:
          input.reopenedUntil === undefined
            ? delegation.reopenedUntil
            : input.reopenedUntil === null
              ? null
              : new Date(input.reopenedUntil).toISOString(),
        updatedAt: now(),
      };
      await repositories.registration.updateDelegation(updated);
      return presented(updated);
    },

    async delegationLink(viewer: Viewer, delegationId: string): Promise<DelegationLink> {
      const eventId = organiserOf(viewer);
      const delegation = await delegationInEvent(eventId, delegationId);
      const token = newToken();
      // The old link stops working: only one hash is kept.
      await repositories.registration.updateDelegation({
        ...delegation,
        tokenHash: hashToken(token),
        updatedAt: now(),
      });
      return { registrationPath: registrationPathFor(token) };
    },

    async decideDelegates(
      viewer: Viewer,
      request: DecideDelegatesRequest,
    ): Promise<{ delegates: Delegate[] }> {
      const eventId = organiserOf(viewer);
      const input = decideDelegatesRequestSchema.parse(request);
      const { delegates, outcome } = await persistence.transaction((repos) =>
        decideIn(repos, {
          eventId,
          decidedBy: viewer.person.id,
          delegateIds: input.delegateIds,
          decision: input.decision,
          mailConfigured: mail.configured,
          now: now(),
        }),
      );
      for (const personId of outcome.revokedPeople) {
        events.publish('access', { kind: 'personRevoked', personId });
      }
      if (outcome.queued > 0) mail.kick();
      const mailByDelegate = await repositories.mailOutbox.latestByDelegate(eventId);
      return {
        delegates: delegates.map((delegate) =>
          delegateOf(delegate, mailByDelegate.get(delegate.id)),
        ),
      };
    },

    async resendDelegateEmail(viewer: Viewer, delegateId: string): Promise<Delegate> {
      const eventId = organiserOf(viewer);
      const delegate = await persistence.transaction(async (repos) => {
        const [found] = await repos.registration.delegatesByIds([delegateId]);
        if (!found || found.eventId !== eventId) throw notFound('This delegate');
        if (found.status !== 'approved' || !found.personId) {
          throw conflict('Only an approved delegate is sent a sign-in email; approve them first.');
        }
        if (!mail.configured) {
          throw conflict(
            'This server sends no email (SMTP is not configured): copy the delegate’s personal sign-in link from the people list and send it yourself.',
          );
        }
        await repos.mailOutbox.cancelPendingForDelegate(found.id);
        await queueSignInEmail(repos, found, now());
        return found;
      });
      mail.kick();
      const mailByDelegate = await repositories.mailOutbox.latestByDelegate(eventId);
      return delegateOf(delegate, mailByDelegate.get(delegate.id));
    },

    async exportCsv(viewer: Viewer): Promise<DownloadFile> {
      const eventId = organiserOf(viewer);
      const event = await eventOf(repositories, eventId);
      return {
        filename: exportFileName([event.name, 'registrations'], 'csv'),
        contentType: 'text/csv; charset=utf-8',
        bytes: registrationCsv(await allDelegations(eventId)),
      };
    },
  };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;
