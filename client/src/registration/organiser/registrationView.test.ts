import { describe, expect, it } from 'vitest';
import type { Delegate, Delegation } from '@draftroom/shared';
import {
  countRegistrations,
  filterDelegations,
  isFiltered,
  mailState,
  noFilters,
  pendingDelegateIds,
} from './registrationView.ts';

function delegate(id: string, overrides: Partial<Delegate> = {}): Delegate {
  return {
    id,
    name: `Delegate ${id}`,
    function: '',
    email: `${id}@parliament.example`,
    workingLanguages: ['en'],
    audiences: [],
    preferredLanguage: 'en',
    status: 'pending',
    decidedAt: null,
    personId: null,
    mail: null,
    updatedAt: '2021-06-01T10:00:00.000Z',
    ...overrides,
  };
}

function delegation(id: string, overrides: Partial<Delegation> = {}): Delegation {
  return {
    id,
    parliament: `Parliament ${id}`,
    country: 'KE',
    region: 'AF',
    focalPoint: { name: 'Focal', email: 'focal@parliament.example' },
    source: 'invited',
    reopenedUntil: null,
    submittedAt: null,
    createdAt: '2021-06-01T10:00:00.000Z',
    delegates: [],
    ...overrides,
  };
}

const kenya = delegation('ke', {
  parliament: 'National Assembly of Kenya',
  delegates: [
    delegate('k1', { audiences: ['social-media', 'communications'] }),
    delegate('k2', { status: 'approved', audiences: ['social-media'] }),
  ],
});
const france = delegation('fr', {
  parliament: 'Assemblée nationale',
  country: 'FR',
  region: 'EU',
  delegates: [delegate('f1', { status: 'declined', audiences: ['library-research'] })],
});
const nowhere = delegation('xx', { parliament: 'Zeta Parliament', region: null });
const all = [kenya, france, nowhere];

describe('filterDelegations', () => {
  it("lists every delegation by its parliament's name, empty ones too", () => {
    const shown = filterDelegations(all, noFilters, 'fr');
    expect(shown.map((entry) => entry.delegation.id)).toEqual(['fr', 'ke', 'xx']);
    expect(isFiltered(noFilters)).toBe(false);
  });

  it('filters by parliament and by region, "unknown" for a country without a continent', () => {
    expect(
      filterDelegations(all, { ...noFilters, delegationId: 'ke' }, 'en').map(
        (entry) => entry.delegation.id,
      ),
    ).toEqual(['ke']);
    expect(
      filterDelegations(all, { ...noFilters, region: 'unknown' }, 'en').map(
        (entry) => entry.delegation.id,
      ),
    ).toEqual(['xx']);
  });

  it('keeps only matching delegates, and the delegations that have one, by audience or status', () => {
    const social = filterDelegations(all, { ...noFilters, audience: 'social-media' }, 'en');
    expect(social.map((entry) => entry.delegates.map((each) => each.id))).toEqual([['k1', 'k2']]);
    const approved = filterDelegations(all, { ...noFilters, status: 'approved' }, 'en');
    expect(approved.map((entry) => entry.delegates.map((each) => each.id))).toEqual([['k2']]);
  });
});

describe('countRegistrations', () => {
  it('counts delegates by status, audience (several per delegate) and region', () => {
    const counts = countRegistrations(filterDelegations(all, noFilters, 'en'));
    expect(counts).toMatchObject({
      delegations: 3,
      delegates: 3,
      byStatus: { pending: 1, approved: 1, declined: 1 },
      byRegion: { AF: 2, EU: 1 },
    });
    expect(counts.byAudience).toMatchObject({
      'social-media': 2,
      communications: 1,
      'library-research': 1,
      'digital-ict': 0,
    });
  });

  it('counts what the filters leave', () => {
    const counts = countRegistrations(filterDelegations(all, { ...noFilters, region: 'EU' }, 'en'));
    expect(counts.delegates).toBe(1);
    expect(counts.byStatus).toEqual({ pending: 0, approved: 0, declined: 1 });
  });
});

describe('pendingDelegateIds', () => {
  it('approves only the pending delegates shown', () => {
    expect(pendingDelegateIds(filterDelegations(all, noFilters, 'en'))).toEqual(['k1']);
    expect(
      pendingDelegateIds(filterDelegations(all, { ...noFilters, delegationId: 'fr' }, 'en')),
    ).toEqual([]);
  });
});

describe('mailState', () => {
  const mail = {
    attempts: 2,
    lastError: '421 try later',
    nextAttemptAt: '2021-06-01T10:05:00.000Z',
    sentAt: null,
  };

  it('says nothing for a delegate not approved', () => {
    expect(mailState(delegate('a'), true)).toEqual({ kind: 'none' });
  });

  it('tells the organiser to copy the link when mail is not configured', () => {
    expect(mailState(delegate('a', { status: 'approved' }), false)).toEqual({
      kind: 'notConfigured',
    });
    expect(mailState(delegate('a', { status: 'approved' }), true)).toEqual({ kind: 'notQueued' });
  });

  it('reads the outbox: queued, sent, retrying with its error, failed', () => {
    const approved = (status: 'queued' | 'sent' | 'retrying' | 'failed') =>
      mailState(delegate('a', { status: 'approved', mail: { ...mail, status } }), true);
    expect(approved('queued')).toEqual({ kind: 'queued' });
    expect(approved('sent')).toEqual({ kind: 'sent', at: null });
    expect(approved('retrying')).toEqual({
      kind: 'retrying',
      attempts: 2,
      error: '421 try later',
      nextAttemptAt: '2021-06-01T10:05:00.000Z',
    });
    expect(approved('failed')).toEqual({ kind: 'failed', attempts: 2, error: '421 try later' });
  });
});
