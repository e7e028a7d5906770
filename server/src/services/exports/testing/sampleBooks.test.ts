import { getSchema } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { guideExtensions } from '@draftroom/shared/editor';
import { compiledBook, hostileGuide, mixedGuide } from './sampleBooks.ts';

// The samples must be guides the server could hold, or the format tests prove nothing.
describe('sample books', () => {
  const schema = getSchema(guideExtensions());
  it.each([
    ['mixed', mixedGuide],
    ['hostile', hostileGuide],
    ['arabic', compiledBook().chapters[1]!.content],
  ])('the %s guide fits the shared editor schema', (_name, content) => {
    expect(() => Node.fromJSON(schema, content).check()).not.toThrow();
  });
});
