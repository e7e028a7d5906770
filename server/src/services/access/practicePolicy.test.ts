import { describe, expect, it } from 'vitest';
import { parliamentKey, type Role } from '@draftroom/shared';
import type { Viewer } from './policy.ts';
import {
  canCuratePractices,
  canEditPractice,
  canMakePublic,
  canMovePracticeToParliament,
  canReadPractice,
  canSubmitPracticeFor,
  canSubmitPractices,
  isDelegateOf,
  isShownPublicly,
  mergeRefusal,
  statusAfterSave,
} from './practicePolicy.ts';

const viewer = (
  role: Role,
  parliament = 'Parliament of Ghana',
  country = 'GH',
  eventId = 'e1',
  parliamentConfirmed = true,
): Viewer => ({
  person: {
    id: `${role}-${parliament}`,
    parliamentConfirmed,
    eventId,
    displayName: 'Someone',
    parliament,
    country,
    preferredLanguage: 'en',
    email: null,
    role,
    scope: { type: 'event', id: eventId },
  },
  groupIds: [],
});
const ghana = parliamentKey('Parliament of Ghana', 'GH');
const practice = (
  status: 'submitted' | 'changes-requested' | 'approved' | 'merged',
  eventId = 'e1',
  submittedBy: string | null = null,
) => ({
  eventId,
  status,
  parliamentKey: ghana,
  submittedBy,
});

describe('practicePolicy', () => {
  it("makes a parliament's delegates anyone of the event but observers, their parliament folded", () => {
    expect(isDelegateOf(viewer('participant', 'parliament of  GHANA'), practice('submitted'))).toBe(
      true,
    );
    expect(isDelegateOf(viewer('facilitator'), practice('submitted'))).toBe(true);
    expect(isDelegateOf(viewer('observer'), practice('submitted'))).toBe(false);
    expect(
      isDelegateOf(viewer('participant', 'Parliament of Ghana', 'KE'), practice('submitted')),
    ).toBe(false);
    expect(
      isDelegateOf(viewer('participant', 'Parliament of Ghana', 'GH', 'e2'), practice('submitted')),
    ).toBe(false);
  });

  it('gives a parliament’s rights only to those vouched for; a declared parliament submits and keeps its own', () => {
    const declared = viewer('participant', 'Parliament of Ghana', 'GH', 'e1', false);
    for (const status of ['submitted', 'changes-requested'] as const) {
      expect(isDelegateOf(declared, practice(status))).toBe(false);
      expect(canReadPractice(declared, practice(status))).toBe(false);
      expect(canEditPractice(declared, practice(status))).toBe(false);
    }
    expect(canEditPractice(declared, practice('approved'))).toBe(false);
    expect(canReadPractice(declared, practice('approved'))).toBe(true);
    // It may still offer one for review, and keeps the one it offered.
    expect(canSubmitPracticeFor(declared, 'e1', ghana)).toBe(true);
    const own = practice('submitted', 'e1', declared.person.id);
    expect(canReadPractice(declared, own)).toBe(true);
    expect(canEditPractice(declared, own)).toBe(true);
    expect(canEditPractice(declared, practice('merged', 'e1', declared.person.id))).toBe(false);
    expect(canReadPractice(declared, practice('submitted', 'e2', declared.person.id))).toBe(false);
  });

  it('lets everyone of the event read approved practices, the rest only their parliament and the organisers', () => {
    for (const role of ['organiser', 'facilitator', 'participant', 'observer'] as const) {
      expect(canReadPractice(viewer(role, 'Elsewhere', 'KE'), practice('approved'))).toBe(true);
      expect(canReadPractice(viewer(role, 'Elsewhere', 'KE', 'e2'), practice('approved'))).toBe(
        false,
      );
    }
    for (const status of ['submitted', 'changes-requested', 'merged'] as const) {
      expect(canReadPractice(viewer('participant'), practice(status))).toBe(true);
      expect(canReadPractice(viewer('organiser', 'Elsewhere', 'KE'), practice(status))).toBe(true);
      expect(canReadPractice(viewer('participant', 'Elsewhere', 'KE'), practice(status))).toBe(
        false,
      );
      expect(canReadPractice(viewer('observer'), practice(status))).toBe(false);
    }
  });

  it('lets its delegates and the organisers edit, nobody a merged practice, observers never', () => {
    expect(canEditPractice(viewer('participant'), practice('approved'))).toBe(true);
    expect(canEditPractice(viewer('organiser', 'Elsewhere', 'KE'), practice('submitted'))).toBe(
      true,
    );
    expect(
      canEditPractice(viewer('organiser', 'Elsewhere', 'KE', 'e2'), practice('submitted')),
    ).toBe(false);
    expect(canEditPractice(viewer('observer'), practice('approved'))).toBe(false);
    expect(canEditPractice(viewer('participant', 'Elsewhere', 'KE'), practice('approved'))).toBe(
      false,
    );
    expect(canEditPractice(viewer('organiser'), practice('merged'))).toBe(false);
  });

  it('lets delegates submit for their own parliament, organisers for any, observers none', () => {
    expect(canSubmitPracticeFor(viewer('participant'), 'e1', ghana)).toBe(true);
    expect(canSubmitPracticeFor(viewer('participant'), 'e1', parliamentKey('Kenya', 'KE'))).toBe(
      false,
    );
    expect(canSubmitPracticeFor(viewer('organiser', 'X', 'FR'), 'e1', ghana)).toBe(true);
    expect(canSubmitPracticeFor(viewer('organiser', 'X', 'FR'), 'e2', ghana)).toBe(false);
    expect(canSubmitPracticeFor(viewer('observer'), 'e1', ghana)).toBe(false);
    expect(canSubmitPractices(viewer('observer'))).toBe(false);
    expect(canSubmitPractices(viewer('participant'))).toBe(true);
  });

  it('returns a practice sent back to submitted when its delegates save, and keeps every other status', () => {
    expect(statusAfterSave(viewer('participant'), practice('changes-requested'))).toBe('submitted');
    expect(statusAfterSave(viewer('organiser'), practice('changes-requested'))).toBe(
      'changes-requested',
    );
    expect(statusAfterSave(viewer('participant'), practice('approved'))).toBe('approved');
    expect(statusAfterSave(viewer('participant'), practice('submitted'))).toBe('submitted');
  });

  it('leaves curation, reassignment and publication to the organisers, of approved practices only', () => {
    expect(canCuratePractices(viewer('organiser'), 'e1')).toBe(true);
    expect(canCuratePractices(viewer('organiser'), 'e2')).toBe(false);
    expect(canCuratePractices(viewer('facilitator'), 'e1')).toBe(false);
    expect(canMovePracticeToParliament(viewer('participant'), practice('approved'))).toBe(false);
    expect(canMovePracticeToParliament(viewer('organiser'), practice('approved'))).toBe(true);
    expect(canMakePublic('approved')).toBe(true);
    for (const status of ['submitted', 'changes-requested', 'merged'] as const) {
      expect(canMakePublic(status)).toBe(false);
      expect(isShownPublicly(true, { status, public: true })).toBe(false);
    }
    expect(isShownPublicly(true, { status: 'approved', public: true })).toBe(true);
    expect(isShownPublicly(false, { status: 'approved', public: true })).toBe(false);
    expect(isShownPublicly(true, { status: 'approved', public: false })).toBe(false);
  });

  it('merges only into another, unmerged practice of the same event', () => {
    const a = { id: 'a', eventId: 'e1', status: 'approved' as const };
    const b = { id: 'b', eventId: 'e1', status: 'approved' as const };
    expect(mergeRefusal(a, b)).toBeNull();
    expect(mergeRefusal(a, a)).toBe('itself');
    expect(mergeRefusal({ ...a, status: 'merged' }, b)).toBe('already_merged');
    expect(mergeRefusal(a, { ...b, status: 'merged' })).toBe('target_merged');
    expect(mergeRefusal(a, { ...b, eventId: 'e2' })).toBe('other_event');
    // An approved practice (cited, in running orders) only into an approved one.
    expect(mergeRefusal({ ...a, status: 'approved' }, { ...b, status: 'submitted' })).toBe(
      'target_not_approved',
    );
    expect(mergeRefusal({ ...a, status: 'submitted' }, { ...b, status: 'submitted' })).toBeNull();
    expect(mergeRefusal({ ...a, status: 'approved' }, { ...b, status: 'approved' })).toBeNull();
  });
});
