import { describe, expect, it } from 'vitest';
import type { Question, SessionInteraction } from '@draftroom/shared';
import { groupQuestions, presenterQuestions, questionChanges } from './questionList.ts';

const sessionId = 'sessionaaaaaaaaaaaaaaa';
let made = 0;
function question(patch: Partial<Question> = {}): Question {
  made += 1;
  return {
    id: `question${String(made).padStart(14, '0')}`,
    text: `Question ${made}`,
    author: 'Amina Diallo',
    anonymous: false,
    mine: false,
    status: 'approved',
    pinned: false,
    votes: 0,
    votedByMe: false,
    createdAt: new Date(1_700_000_000_000 + made).toISOString(),
    ...patch,
  };
}
function state(questions: Question[], patch: Partial<SessionInteraction> = {}): SessionInteraction {
  return {
    sessionId,
    moderated: false,
    canModerate: false,
    canTakePart: true,
    questions,
    hiddenCount: 0,
    pendingCount: 0,
    polls: [],
    ...patch,
  };
}

describe('groupQuestions', () => {
  it('keeps the server order and folds the answered apart', () => {
    const pinned = question({ pinned: true });
    const top = question({ votes: 3 });
    const done = question({ status: 'answered' });
    const held = question({ status: 'pending', mine: true });
    expect(groupQuestions([pinned, top, held, done])).toEqual({
      open: [pinned, top, held],
      answered: [done],
    });
  });
});

describe('presenterQuestions', () => {
  it('shows the pinned one apart and only approved questions, at most `limit`', () => {
    const pinned = question({ pinned: true });
    const a = question({ votes: 5 });
    const held = question({ status: 'pending' });
    const b = question({ votes: 2 });
    const c = question({ votes: 1 });
    const hidden = question({ status: 'hidden' });
    const done = question({ status: 'answered' });
    expect(presenterQuestions([pinned, a, b, c, held, done, hidden], 2)).toEqual({
      pinned,
      top: [a, b],
    });
    expect(presenterQuestions([held, hidden], 5)).toEqual({ pinned: null, top: [] });
  });
});

describe('questionChanges', () => {
  it('says nothing for the first state, another session or a vote', () => {
    const a = question();
    expect(questionChanges(null, state([a]))).toEqual([]);
    expect(questionChanges(state([a], { sessionId: 'sessionbbbbbbbbbbbbbbb' }), state([]))).toEqual(
      [],
    );
    expect(questionChanges(state([a]), state([{ ...a, votes: 1 }]))).toEqual([]);
  });

  it('counts new questions, but not one’s own, and those held for a moderator apart', () => {
    const changes = questionChanges(
      state([]),
      state([question(), question(), question({ mine: true }), question({ status: 'pending' })]),
    );
    expect(changes).toEqual([
      { kind: 'asked', count: 2 },
      { kind: 'waiting', count: 1 },
    ]);
  });

  it('tells the asker their own was approved or hidden, and the audience how many were hidden', () => {
    const mine = question({ status: 'pending', mine: true });
    const other = question();
    const next = state([{ ...mine, status: 'approved' }], { hiddenCount: 1 });
    expect(questionChanges(state([mine, other]), next)).toEqual([
      { kind: 'hidden', count: 1 },
      { kind: 'mineApproved' },
    ]);
    const hiddenMine = state([{ ...mine, status: 'hidden' }], { hiddenCount: 1 });
    expect(questionChanges(state([mine]), hiddenMine)).toEqual([{ kind: 'mineHidden' }]);
  });

  it('names the question being answered now, once, and counts the answered', () => {
    const a = question();
    const b = question();
    const pinned = state([{ ...a, pinned: true }, b]);
    expect(questionChanges(state([a, b]), pinned)).toEqual([{ kind: 'pinned', text: a.text }]);
    expect(questionChanges(pinned, state([{ ...a, pinned: true, votes: 4 }, b]))).toEqual([]);
    expect(questionChanges(pinned, state([b, { ...a, status: 'answered' }]))).toEqual([
      { kind: 'answered', count: 1 },
    ]);
  });

  it('says when new questions start or stop waiting for approval', () => {
    expect(questionChanges(state([]), state([], { moderated: true }))).toEqual([
      { kind: 'holdOn' },
    ]);
    expect(questionChanges(state([], { moderated: true }), state([]))).toEqual([
      { kind: 'holdOff' },
    ]);
  });

  it('counts a moderator’s approvals', () => {
    const held = question({ status: 'pending' });
    expect(questionChanges(state([held]), state([{ ...held, status: 'approved' }]))).toEqual([
      { kind: 'approved', count: 1 },
    ]);
  });
});
