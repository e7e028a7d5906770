import type { DomainError } from '../../lib/domainError.ts';
import { notFound } from '../../lib/domainError.ts';
import { randomId } from '../../lib/ids.ts';
import type { DelegateRecord, Repositories } from '../../persistence/index.ts';

/** What the service needs of the mail sender: whether it is set up, and a nudge after commit. */
export interface RegistrationMail {
  readonly configured: boolean;
  /** Tells the outbox worker a message is waiting (it polls anyway; this just saves the wait). */
  kick(): void;
}

export interface DecisionOutcome {
  /** People whose sign-ins ended (declined after approval): announced after the commit. */
  revokedPeople: string[];
  /** Messages queued: the outbox worker is kicked after the commit. */
  queued: number;
}

/**
 * Approves or declines delegates inside the caller's transaction. All of them must be of the
 * caller's event, or nothing is written (404: someone else's delegate does not exist here).
 *
 * Approving makes the delegate a participant of the event (or gives back the person a delegate
 * declined after an earlier approval had become), with their audiences, and queues their sign-in
 * email when mail is configured. Approving an approved delegate changes nothing. Declining an
 * approved one ends their sign-ins, withdraws their unused personal links and any unsent email.
 */
export async function decideIn(
  repos: Repositories,
  options: {
    eventId: string;
    decidedBy: string;
    delegateIds: readonly string[];
    decision: 'approve' | 'decline';
    mailConfigured: boolean;
    now: string;
  },
): Promise<{ delegates: DelegateRecord[]; outcome: DecisionOutcome }> {
  const ids = [...new Set(options.delegateIds)];
  const found = (await repos.registration.delegatesByIds(ids)).filter(
    (delegate) => delegate.eventId === options.eventId,
  );
  if (found.length !== ids.length) throw unknownDelegates(ids.length - found.length);
  const byId = new Map(found.map((delegate) => [delegate.id, delegate]));
  const outcome: DecisionOutcome = { revokedPeople: [], queued: 0 };
  const decided: DelegateRecord[] = [];
  for (const id of ids) {
    const delegate = byId.get(id) as DelegateRecord;
    decided.push(
      options.decision === 'approve'
        ? await approve(repos, delegate, options, outcome)
        : await decline(repos, delegate, options, outcome),
    );
  }
  return { delegates: decided, outcome };
}

function unknownDelegates(count: number): DomainError {
  const error = notFound(count === 1 ? 'One of these delegates' : `${count} of these delegates`);
  return error;
}

async function approve(
  repos: Repositories,
  delegate: DelegateRecord,
  options: { eventId: string; decidedBy: string; mailConfigured: boolean; now: string },
  outcome: DecisionOutcome,
): Promise<DelegateRecord> {
  if (delegate.status === 'approved') return delegate;
  const delegation = await repos.registration.delegation(delegate.delegationId);
  if (!delegation) throw notFound('This delegation');
  const fields = {
    displayName: delegate.name,
    parliament: delegation.parliament,
    country: delegation.country,
    preferredLanguage: delegate.preferredLanguage,
    email: delegate.email,
    // Named by their parliament's focal point and approved by the organisers.
    parliamentConfirmed: true,
  };
  const earlier = delegate.personId ? await repos.people.get(delegate.personId) : undefined;
  let personId: string;
  if (earlier && earlier.eventId === options.eventId) {
    personId = earlier.id;
    await repos.people.update({ ...earlier, ...fields });
  } else {
    personId = randomId();
    await repos.people.create({
      id: personId,
      eventId: options.eventId,
      role: 'participant',
      scope: { type: 'event', id: options.eventId },
      ...fields,
    });
  }
  await repos.people.setAudiences(personId, delegate.audiences);
  const approved: DelegateRecord = {
    ...delegate,
    status: 'approved',
    decidedAt: options.now,
    decidedBy: options.decidedBy,
    personId,
    updatedAt: options.now,
  };
  await repos.registration.updateDelegate(approved);
  if (options.mailConfigured) {
    await queueSignInEmail(repos, approved, options.now);
    outcome.queued += 1;
  }
  return approved;
}

async function decline(
  repos: Repositories,
  delegate: DelegateRecord,
  options: { decidedBy: string; now: string },
  outcome: DecisionOutcome,
): Promise<DelegateRecord> {
  if (delegate.status === 'declined') return delegate;
  if (delegate.status === 'approved' && delegate.personId) {
    await repos.authSessions.revokeAllFor(delegate.personId, options.now);
    await repos.invites.revokeUnusedForPerson(delegate.personId, options.now);
    outcome.revokedPeople.push(delegate.personId);
  }
  await repos.mailOutbox.cancelPendingForDelegate(delegate.id);
  const declined: DelegateRecord = {
    ...delegate,
    status: 'declined',
    decidedAt: options.now,
    decidedBy: options.decidedBy,
    updatedAt: options.now,
  };
  await repos.registration.updateDelegate(declined);
  return declined;
}

/** Queues an approved delegate's sign-in email; the link itself is minted when it is sent. */
export async function queueSignInEmail(
  repos: Repositories,
  delegate: DelegateRecord,
  now: string,
): Promise<void> {
  await repos.mailOutbox.enqueue(
    {
      kind: 'delegate-invitation',
      recipient: delegate.email,
      language: delegate.preferredLanguage,
      personId: delegate.personId,
      delegateId: delegate.id,
      eventId: delegate.eventId,
    },
    now,
  );
}
