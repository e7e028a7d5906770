import { describe, expect, it } from 'vitest';
import { askQuestionRequestSchema } from '@draftroom/shared';
import { checkQuestion } from './askQuestionForm.ts';

describe('checkQuestion', () => {
  it('sends the trimmed text and the anonymous choice', () => {
    expect(checkQuestion({ text: '  Who pays?\nAnd when? ', anonymous: true })).toEqual({
      ok: true,
      request: { text: 'Who pays?\nAnd when?', anonymous: true },
    });
  });

  it('words what the server would refuse, field by field', () => {
    const problem = (text: string) => {
      const checked = checkQuestion({ text, anonymous: false });
      return checked.ok ? null : checked.problems.text?.key;
    };
    expect(problem('   ')).toBe('required');
    expect(problem('x'.repeat(501))).toBe('tooLong');
    expect(problem('Bell \u0007')).toBe('controlCharacter');
    expect(problem('Hidden \u202Eevil')).toBe('directionControl');
    expect(problem('\u200B\u200B')).toBe('noVisibleCharacters');
    expect(problem('x'.repeat(500))).toBeNull();
  });

  it('lets through only what the server takes', () => {
    for (const text of ['ok', 'x'.repeat(500), 'سؤال؟\nنعم', ' x '.repeat(200), 'a\u0000']) {
      const checked = checkQuestion({ text, anonymous: false });
      expect(checked.ok, JSON.stringify(text)).toBe(
        askQuestionRequestSchema.safeParse({ text }).success,
      );
    }
  });
});
