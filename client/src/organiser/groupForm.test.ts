import { describe, expect, it } from 'vitest';
import { groupInputSchema } from '@draftroom/shared';
import { groupFormValues, newGroupValues, toGroupInput } from './groupForm.ts';
import { testGroup } from './testData.ts';

describe('toGroupInput', () => {
  it('maps the form to a request the shared schema accepts', () => {
    const result = toGroupInput({ name: ' Groupe A ', workingLanguage: 'fr', capacity: ' 12 ' });
    expect(result).toEqual({
      ok: true,
      request: { name: 'Groupe A', workingLanguage: 'fr', capacity: 12 },
    });
    if (result.ok) expect(groupInputSchema.safeParse(result.request).success).toBe(true);
  });

  it('refuses a missing name and a capacity that is not a whole number from 1 to 500', () => {
    for (const [capacity, key] of [
      ['', 'required'],
      ['2.5', 'wholeNumber'],
      ['-3', 'wholeNumber'],
      ['0', 'outOfRange'],
      ['501', 'outOfRange'],
    ] as const) {
      const result = toGroupInput({ name: '', workingLanguage: 'en', capacity });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.problems.name).toEqual({ key: 'required' });
        expect(result.problems.capacity?.key, capacity).toBe(key);
      }
    }
  });

  it('refuses a name with nothing visible in it, or a bell', () => {
    for (const [name, key] of [
      ['\u200B\u200D', 'noVisibleCharacters'],
      ['Group\u0007', 'controlCharacter'],
    ] as const) {
      const result = toGroupInput({ name, workingLanguage: 'en', capacity: '5' });
      expect(result.ok ? {} : result.problems).toEqual({ name: { key } });
    }
  });

  it('starts a new group in the session’s first language, and edits an existing one as stored', () => {
    expect(newGroupValues(['ar', 'en']).workingLanguage).toBe('ar');
    expect(groupFormValues(testGroup('g1', [], 15))).toEqual({
      name: 'Group g1',
      workingLanguage: 'en',
      capacity: '15',
    });
  });
});
