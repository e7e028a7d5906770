import { describe, expect, it } from 'vitest';
import { resources } from './index.ts';
import { supportedLanguages } from './languages.ts';

/**
 * Role descriptions promise only what the workspace does. Observers read guides; there are no
 * comments yet, so no language may offer them.
 */
const comments = /comment|comentario|تعليق/i;

describe.each(supportedLanguages)('role descriptions in %s', (language) => {
  const { organiser } = resources[language].translation;
  const texts = [
    ...Object.values(organiser.roleDescriptions),
    ...Object.values(resources[language].translation.join.role),
  ];

  it('mention no comments, which do not exist yet', () => {
    for (const text of texts) expect(text).not.toMatch(comments);
  });
});
