import { describe, expect, it } from 'vitest';
import { createInviteRequestSchema, type Invite } from '@draftroom/shared';
import {
  defaultInviteExpiry,
  defaultMaxUses,
  inviteStatus,
  joinUrl,
  newInviteValues,
  toCreateInviteRequest,
} from './inviteForm.ts';
import { testEvent } from './testData.ts';

const before = Date.parse('2021-06-01T10:00:00Z');

describe('toCreateInviteRequest', () => {
  it('sends the scope chosen and the expiry as a UTC instant', () => {
    const values = {
      ...newInviteValues(testEvent, before),
      scopeType: 'group' as const,
      groupId: 'group-1',
      label: ' Delegation of Kenya ',
      expiresAt: '2021-06-18T18:00',
      maxUses: '25',
    };
    const result = toCreateInviteRequest(values, testEvent, before);
    expect(result).toEqual({
      ok: true,
      request: {
        role: 'participant',
        scope: { type: 'group', id: 'group-1' },
        label: 'Delegation of Kenya',
        expiresAt: '2021-06-18T16:00:00.000Z',
        maxUses: 25,
      },
    });
    // The shared schema checks the expiry against the real clock, so only its shape here.
    if (result.ok) {
      const parsed = createInviteRequestSchema.safeParse(result.request);
      const issues = parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
      expect(issues.filter((path) => path !== 'expiresAt')).toEqual([]);
    }
  });

  it('always gives organisers the whole event', () => {
    const values = {
      ...newInviteValues(testEvent, before),
      role: 'organiser' as const,
      scopeType: 'session' as const,
      sessionId: 'session-1',
    };
    const result = toCreateInviteRequest(values, testEvent, before);
    expect(result.ok && result.request.scope).toEqual({ type: 'event', id: 'event-1' });
  });

  it('asks for the session or group, a future expiry and a sensible use limit', () => {
    const result = toCreateInviteRequest(
      {
        ...newInviteValues(testEvent, before),
        scopeType: 'session',
        expiresAt: '2021-05-01T10:00',
        maxUses: '0',
      },
      testEvent,
      before,
    );
    expect(result).toEqual({
      ok: false,
      problems: {
        scope: { key: 'chooseSession' },
        expiresAt: { key: 'notInFuture' },
        maxUses: { key: 'outOfRange', values: { min: 1, max: 10_000 } },
      },
    });
  });
});

describe('defaults', () => {
  it('expires at the end of the last day in the event zone, or a week from now once it is over', () => {
    expect(defaultInviteExpiry(testEvent, before)).toBe('2021-06-18T23:59');
    const after = Date.parse('2021-07-01T10:00:00Z');
    expect(defaultInviteExpiry(testEvent, after)).toBe('2021-07-08T12:00');
  });

  it('gives one use to personal links and more to shared ones', () => {
    expect(defaultMaxUses('organiser')).toBe(1);
    expect(defaultMaxUses('facilitator')).toBe(1);
    expect(defaultMaxUses('participant')).toBeGreaterThan(1);
  });
});

describe('inviteStatus', () => {
  const invite = {
    revoked: false,
    expiresAt: '2021-06-18T21:59:00Z',
    uses: 3,
    maxUses: 5,
  } as Invite;

  it('says why a link no longer works', () => {
    expect(inviteStatus(invite, before)).toBe('active');
    expect(inviteStatus({ ...invite, uses: 5 }, before)).toBe('usedUp');
    expect(inviteStatus(invite, Date.parse('2021-06-19T00:00:00Z'))).toBe('expired');
    expect(inviteStatus({ ...invite, revoked: true, uses: 5 }, before)).toBe('revoked');
  });
});

describe('joinUrl', () => {
  it('puts the join path on this site’s origin with exactly one slash', () => {
    expect(joinUrl('https://draftroom.example', '/join/abc')).toBe(
      'https://draftroom.example/join/abc',
    );
    expect(joinUrl('https://draftroom.example/', 'join/abc')).toBe(
      'https://draftroom.example/join/abc',
    );
  });
});
