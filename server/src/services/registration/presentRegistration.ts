import { countries } from 'countries-list';
import {
  regionCodes,
  type Delegate,
  type DelegateMail,
  type Delegation,
  type FocalDelegate,
  type RegionCode,
} from '@draftroom/shared';
import type { DelegateRecord, DelegationRecord, OutboxRecord } from '../../persistence/index.ts';

/** The region of a country, as its continent in `countries-list`; null for a code it lacks. */
export function regionOf(country: string): RegionCode | null {
  const continent = (countries as Record<string, { continent?: string } | undefined>)[
    country.toUpperCase()
  ]?.continent;
  return (regionCodes as readonly string[]).includes(continent ?? '')
    ? (continent as RegionCode)
    : null;
}

export function focalDelegateOf(record: DelegateRecord): FocalDelegate {
  return {
    id: record.id,
    name: record.name,
    function: record.function,
    email: record.email,
    workingLanguages: record.workingLanguages,
    audiences: record.audiences,
    preferredLanguage: record.preferredLanguage,
    status: record.status,
  };
}

/** The outbox's view of a message, as the organisers read it (a retry is not a failure yet). */
export function delegateMailOf(message: OutboxRecord | undefined): DelegateMail | null {
  if (!message || message.status === 'cancelled') return null;
  const status =
    message.status === 'pending' ? (message.attempts > 0 ? 'retrying' : 'queued') : message.status;
  return {
    status,
    attempts: message.attempts,
    lastError: message.lastError,
    nextAttemptAt: message.status === 'pending' ? message.nextAttemptAt : null,
    sentAt: message.sentAt,
  };
}

export function delegateOf(record: DelegateRecord, mail: OutboxRecord | undefined): Delegate {
  return {
    ...focalDelegateOf(record),
    decidedAt: record.decidedAt,
    personId: record.personId,
    mail: delegateMailOf(mail),
    updatedAt: record.updatedAt,
  };
}

export function delegationOf(
  record: DelegationRecord,
  delegates: readonly DelegateRecord[],
  mail: ReadonlyMap<string, OutboxRecord>,
): Delegation {
  return {
    id: record.id,
    parliament: record.parliament,
    country: record.country,
    region: regionOf(record.country),
    focalPoint: { name: record.focalName, email: record.focalEmail },
    source: record.source,
    reopenedUntil: record.reopenedUntil,
    submittedAt: record.submittedAt,
    createdAt: record.createdAt,
    delegates: delegates.map((delegate) => delegateOf(delegate, mail.get(delegate.id))),
  };
}

/** Each delegation with its delegates, from one read of each table. */
export function delegationsOf(
  delegations: readonly DelegationRecord[],
  delegates: readonly DelegateRecord[],
  mail: ReadonlyMap<string, OutboxRecord>,
): Delegation[] {
  const byDelegation = new Map<string, DelegateRecord[]>();
  for (const delegate of delegates) {
    const list = byDelegation.get(delegate.delegationId) ?? [];
    list.push(delegate);
    byDelegation.set(delegate.delegationId, list);
  }
  return delegations.map((delegation) =>
    delegationOf(delegation, byDelegation.get(delegation.id) ?? [], mail),
  );
}
