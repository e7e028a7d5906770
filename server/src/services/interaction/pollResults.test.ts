import { describe, expect, it } from 'vitest';
import { checkBallot, tally } from './pollResults.ts';

const options = ['Open data', 'Live streaming', 'E-petitions'];

describe('checkBallot', () => {
  it('takes exactly one option for a single choice', () => {
    expect(checkBallot({ kind: 'single', options }, { choices: [1] })).toEqual({
      choices: [1],
      words: [],
    });
    expect(checkBallot({ kind: 'single', options }, { choices: [0, 1] })).toHaveProperty('problem');
    expect(checkBallot({ kind: 'single', options }, { choices: [] })).toHaveProperty('problem');
    expect(checkBallot({ kind: 'single', options }, { choices: [3] })).toHaveProperty('problem');
  });
  it('takes distinct options for multiple choice', () => {
    expect(checkBallot({ kind: 'multiple', options }, { choices: [0, 2] })).toEqual({
      choices: [0, 2],
      words: [],
    });
    expect(checkBallot({ kind: 'multiple', options }, { choices: [2, 2] })).toHaveProperty(
      'problem',
    );
  });
  it('takes every option once for a ranking', () => {
    expect(checkBallot({ kind: 'ranking', options }, { choices: [2, 0, 1] })).toEqual({
      choices: [2, 0, 1],
      words: [],
    });
    expect(checkBallot({ kind: 'ranking', options }, { choices: [2, 0] })).toHaveProperty(
      'problem',
    );
  });
  it('takes words only for a word cloud, and no words elsewhere', () => {
    expect(checkBallot({ kind: 'words', options: [] }, { words: ['trust'] })).toEqual({
      choices: [],
      words: ['trust'],
    });
    expect(checkBallot({ kind: 'words', options: [] }, { choices: [0] })).toHaveProperty('problem');
    expect(checkBallot({ kind: 'single', options }, { words: ['x'] })).toHaveProperty('problem');
  });
});

describe('tally', () => {
  it('counts ballots per option', () => {
    const results = tally({ kind: 'multiple', options }, [
      { choices: [0, 2], words: [] },
      { choices: [2], words: [] },
    ]);
    expect(results).toEqual({ votes: [1, 0, 2], points: null, words: null });
  });
  it('gives a ranking first places and points', () => {
    const results = tally({ kind: 'ranking', options }, [
      { choices: [2, 0, 1], words: [] },
      { choices: [0, 2, 1], words: [] },
    ]);
    expect(results.votes).toEqual([1, 0, 1]);
    expect(results.points).toEqual([3 + 2, 1 + 1, 2 + 3]);
  });
  it('counts words across case, once per person, most first', () => {
    const results = tally({ kind: 'words', options: [] }, [
      { choices: [], words: ['Trust', 'trust', 'access'] },
      { choices: [], words: ['TRUST'] },
      { choices: [], words: ['ثقة'] },
    ]);
    expect(results.words).toEqual([
      { word: 'Trust', count: 2 },
      { word: 'access', count: 1 },
      { word: 'ثقة', count: 1 },
    ]);
  });
});
