import { describe, expect, it } from 'vitest';
import { maxTemplateContentChars } from '@draftroom/shared';
import { newTemplateValues, toTemplateInput } from './templateForm.ts';

describe('toTemplateInput', () => {
  it('sends the trimmed name, the language and the content', () => {
    const values = { ...newTemplateValues('fr'), name: '  Guide de la commission ' };
    expect(toTemplateInput(values)).toEqual({
      ok: true,
      request: { name: 'Guide de la commission', language: 'fr', content: values.content },
    });
  });

  it('asks for a name, refuses hidden direction controls and an oversized body', () => {
    const long = 'x'.repeat(maxTemplateContentChars);
    expect(toTemplateInput(newTemplateValues('en'))).toEqual({
      ok: false,
      problems: { name: { key: 'required' } },
    });
    expect(
      toTemplateInput({
        name: 'gpj\u202Eexe',
        language: 'en',
        content: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: long }] }],
        },
      }),
    ).toEqual({
      ok: false,
      problems: { name: { key: 'directionControl' }, content: { key: 'templateTooLong' } },
    });
  });
});
