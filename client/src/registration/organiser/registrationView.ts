import {
  audienceTags,
  delegateStatuses,
  regionCodes,
  type AudienceTag,
  type Delegate,
  type DelegateStatus,
  type Delegation,
  type RegionCode,
} from '@draftroom/shared';

/**
 * The organisers' view of registrations: which delegations and delegates the filters leave, how
 * many there are by status, audience and region, and which are waiting for a decision.
 */

/** A region filter also offers the delegations whose country has no known continent. */
export type RegionFilter = RegionCode | 'unknown';

export interface RegistrationFilters {
  /** A delegation id, or '' for every parliament. */
  delegationId: string;
  region: RegionFilter | '';
  audience: AudienceTag | '';
  status: DelegateStatus | '';
}

export const noFilters: RegistrationFilters = {
  delegationId: '',
  region: '',
  audience: '',
  status: '',
};

export function isFiltered(filters: RegistrationFilters): boolean {
  return Object.values(filters).some((value) => value !== '');
}

export interface FilteredDelegation {
  delegation: Delegation;
  delegates: Delegate[];
}

function regionOf(delegation: Delegation): RegionFilter {
  return delegation.region ?? 'unknown';
}

/**
 * The delegations the filters leave, in the order of their parliaments' names, each with the
 * delegates that match. A delegation without a matching delegate is left out when a filter on
 * delegates (audience, status) is set; otherwise it shows, empty (invited, nobody registered yet).
 */
export function filterDelegations(
  delegations: readonly Delegation[],
  filters: RegistrationFilters,
  locale: string,
): FilteredDelegation[] {
  const collator = new Intl.Collator(locale);
  const filtersDelegates = filters.audience !== '' || filters.status !== '';
  return delegations
    .filter(
      (delegation) =>
        (filters.delegationId === '' || delegation.id === filters.delegationId) &&
        (filters.region === '' || regionOf(delegation) === filters.region),
    )
    .map((delegation) => ({
      delegation,
      delegates: delegation.delegates.filter(
        (delegate) =>
          (filters.audience === '' || delegate.audiences.includes(filters.audience)) &&
          (filters.status === '' || delegate.status === filters.status),
      ),
    }))
    .filter((entry) => !filtersDelegates || entry.delegates.length > 0)
    .sort((a, b) => collator.compare(a.delegation.parliament, b.delegation.parliament));
}

export interface RegistrationCounts {
  delegations: number;
  delegates: number;
  byStatus: Record<DelegateStatus, number>;
  /** Delegates interested in each audience (one delegate may count under several). */
  byAudience: Record<AudienceTag, number>;
  /** Delegates by their delegation's region; regions without anyone are left out. */
  byRegion: Partial<Record<RegionFilter, number>>;
}

function zeros<Key extends string>(keys: readonly Key[]): Record<Key, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<Key, number>;
}

export function countRegistrations(entries: readonly FilteredDelegation[]): RegistrationCounts {
  const counts: RegistrationCounts = {
    delegations: entries.length,
    delegates: 0,
    byStatus: zeros(delegateStatuses),
    byAudience: zeros(audienceTags),
    byRegion: {},
  };
  for (const { delegation, delegates } of entries) {
    const region = regionOf(delegation);
    for (const delegate of delegates) {
      counts.delegates += 1;
      counts.byStatus[delegate.status] += 1;
      for (const audience of delegate.audiences) counts.byAudience[audience] += 1;
      counts.byRegion[region] = (counts.byRegion[region] ?? 0) + 1;
    }
  }
  return counts;
}

/** Regions in a fixed order (the continents' codes, then "unknown"), for lists and selects. */
export const regionFilters: readonly RegionFilter[] = [...regionCodes, 'unknown'];

/** The delegates shown that wait for a decision: what "Approve all pending" approves. */
export function pendingDelegateIds(entries: readonly FilteredDelegation[]): string[] {
  return entries.flatMap(({ delegates }) =>
    delegates.filter((delegate) => delegate.status === 'pending').map((delegate) => delegate.id),
  );
}

/**
 * What to show about an approved delegate's sign-in email: its state in the outbox, or that no
 * email is sent here (mail not configured: the organiser copies the link instead).
 */
export type MailState =
  | { kind: 'none' }
  | { kind: 'notConfigured' }
  | { kind: 'notQueued' }
  | { kind: 'queued' }
  | { kind: 'sent'; at: string | null }
  | { kind: 'retrying'; attempts: number; error: string | null; nextAttemptAt: string | null }
  | { kind: 'failed'; attempts: number; error: string | null };

export function mailState(delegate: Delegate, mailConfigured: boolean): MailState {
  if (delegate.status !== 'approved') return { kind: 'none' };
  const mail = delegate.mail;
  if (!mail) return mailConfigured ? { kind: 'notQueued' } : { kind: 'notConfigured' };
  switch (mail.status) {
    case 'queued':
      return { kind: 'queued' };
    case 'sent':
      return { kind: 'sent', at: mail.sentAt };
    case 'retrying':
      return {
        kind: 'retrying',
        attempts: mail.attempts,
        error: mail.lastError,
        nextAttemptAt: mail.nextAttemptAt,
      };
    case 'failed':
      return { kind: 'failed', attempts: mail.attempts, error: mail.lastError };
  }
}
