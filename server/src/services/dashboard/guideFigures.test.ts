import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema, type JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { guideFragmentName, type TemplateContent } from '@draftroom/shared';
import { guideExtensions } from '@draftroom/shared/editor';
import { guideFigures, templateSections } from './guideFigures.ts';

const schema = getSchema(guideExtensions());
const heading = (level: number, text: string): JSONContent => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});
const paragraph = (text?: string): JSONContent => ({
  type: 'paragraph',
  ...(text ? { content: [{ type: 'text', text }] } : {}),
});
const doc = (...content: JSONContent[]) => ({ type: 'doc', content }) as TemplateContent;

function stateOf(content: TemplateContent): Uint8Array {
  const ydoc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(
    schema,
    content as JSONContent,
    ydoc.getXmlFragment(guideFragmentName),
  );
  return Y.encodeStateAsUpdate(ydoc);
}

const template = doc(
  heading(1, 'Title of your guide'),
  paragraph('Replace each prompt.'),
  heading(2, 'Purpose'),
  paragraph('What problem does it solve?'),
  heading(2, 'Context'),
  paragraph('Where does it arise?'),
  heading(2, 'Steps'),
);

describe('guideFigures', () => {
  it('takes the sections below the title, each with its prompt', () => {
    expect(templateSections(template).map((s) => s.heading)).toEqual([
      'purpose',
      'context',
      'steps',
    ]);
  });

  it('counts a section filled only when its text is the group’s own', () => {
    const sections = templateSections(template);
    // Untouched template: nothing filled (prompts are not the group's text; empty is empty).
    expect(guideFigures(stateOf(template), sections).sections).toEqual({ filled: 0, total: 3 });
    const written = doc(
      heading(1, 'Budget oversight'),
      heading(2, 'Purpose'),
      paragraph('Help committees read the budget.'),
      heading(2, 'context'),
      paragraph('Where does it arise?'),
      heading(2, 'Steps'),
      paragraph('  '),
    );
    const figures = guideFigures(stateOf(written), sections);
    // "Purpose" written; "context" (case ignored) still its prompt; "Steps" only spaces.
    expect(figures.sections).toEqual({ filled: 1, total: 3 });
    expect(figures.words).toBe(2 + 1 + 5 + 1 + 4 + 1);
  });

  it('has no sections without a template, and counts Arabic words too', () => {
    const figures = guideFigures(stateOf(doc(paragraph('الرقابة على الميزانية'))), []);
    expect(figures).toEqual({ words: 3, sections: null });
  });
});
