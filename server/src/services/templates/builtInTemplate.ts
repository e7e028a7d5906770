import type { JSONContent } from '@tiptap/core';
import { directionalNodes, type BlockDirectionValue } from '@draftroom/shared/editor';
import type { LanguageCode, TemplateContent } from '@draftroom/shared';
import { practicalGuideTexts, type PracticalGuideTexts } from './builtInTexts.ts';

const text = (value: string): JSONContent => ({ type: 'text', text: value });
const heading = (level: number, value: string): JSONContent => ({
  type: 'heading',
  attrs: { level },
  content: [text(value)],
});
/**
 * A prompt the group replaces: a plain paragraph. Not in italics (a common way to mark prompts):
 * text typed over a selected prompt takes its marks, so every group's guide would end up in
 * italics; and Arabic has no true italic.
 */
const prompt = (value: string): JSONContent => ({ type: 'paragraph', content: [text(value)] });
const paragraph = (value?: string): JSONContent => ({
  type: 'paragraph',
  ...(value ? { content: [text(value)] } : {}),
});
const list = (type: 'bulletList' | 'orderedList', items: string[]): JSONContent => ({
  type,
  content: items.map((item) => ({ type: 'listItem', content: [prompt(item)] })),
});
/** A table with a header row and one empty row for the group to fill in. */
const table = (columns: readonly string[]): JSONContent => ({
  type: 'table',
  content: [
    {
      type: 'tableRow',
      content: columns.map((column) => ({ type: 'tableHeader', content: [paragraph(column)] })),
    },
    {
      type: 'tableRow',
      content: columns.map(() => ({ type: 'tableCell', content: [paragraph()] })),
    },
  ],
});

/**
 * Gives every block that can hold a direction this one: in an Arabic guide, the lines a group
 * adds to an empty cell or bullet sit on the right from the first letter.
 */
function withDirection(node: JSONContent, dir: BlockDirectionValue): JSONContent {
  const directional = (directionalNodes as readonly string[]).includes(node.type ?? '');
  return {
    ...node,
    ...(directional ? { attrs: { ...node.attrs, dir } } : {}),
    ...(node.content ? { content: node.content.map((child) => withDirection(child, dir)) } : {}),
  };
}

function practicalGuide(words: PracticalGuideTexts): JSONContent {
  return {
    type: 'doc',
    content: [
      heading(1, words.title),
      prompt(words.howTo),
      heading(2, words.purpose[0]),
      prompt(words.purpose[1]),
      heading(2, words.context[0]),
      prompt(words.context[1]),
      heading(2, words.goodPractices[0]),
      prompt(words.goodPractices[1]),
      table(words.practiceColumns),
      heading(2, words.steps[0]),
      prompt(words.steps[1]),
      list('orderedList', words.steps[2]),
      heading(2, words.checklist[0]),
      prompt(words.checklist[1]),
      list('bulletList', words.checklist[2]),
      heading(2, words.pitfalls[0]),
      prompt(words.pitfalls[1]),
      heading(2, words.resources[0]),
      prompt(words.resources[1]),
      heading(2, words.contributors[0]),
      prompt(words.contributors[1]),
    ],
  };
}

/** The built-in practical-guide template in one language (ProseMirror JSON). */
export function builtInTemplate(language: LanguageCode): TemplateContent {
  const guide = practicalGuide(practicalGuideTexts[language]);
  return (language === 'ar' ? withDirection(guide, 'rtl') : guide) as TemplateContent;
}

/** The built-in template's name in a language (the session form names it in the interface's). */
export const builtInTemplateName = (language: LanguageCode): string =>
  practicalGuideTexts[language].name;
