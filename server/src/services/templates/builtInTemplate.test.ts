import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { languageCodes } from '@draftroom/shared';
import { encodeGuideBody } from '../demo/guideBody.ts';
import { builtInTemplate } from './builtInTemplate.ts';
import { checkedTemplateContent } from './templateContent.ts';

const nodes = (node: JSONContent): JSONContent[] => [
  node,
  ...(node.content ?? []).flatMap((child) => nodes(child)),
];
const headings = (doc: JSONContent) =>
  nodes(doc)
    .filter((node) => node.type === 'heading')
    .map((node) => node.attrs?.level as number);

describe('the built-in practical guide', () => {
  it.each(languageCodes)('%s: fits the guide schema, with every section', (language) => {
    const template = builtInTemplate(language);
    // It passes the same check as an organiser's template, and writes into a guide.
    expect(() => checkedTemplateContent(template)).not.toThrow();
    expect(() => encodeGuideBody(template as JSONContent)).not.toThrow();
    // A title, then purpose, context, good practices, steps, checklist, pitfalls, resources,
    // contributors.
    expect(headings(template as JSONContent)).toEqual([1, 2, 2, 2, 2, 2, 2, 2, 2]);
    const all = nodes(template as JSONContent);
    // Good practices: the practice and the parliament it comes from (and what made it work).
    expect(all.filter((node) => node.type === 'tableHeader')).toHaveLength(3);
    expect(all.filter((node) => node.type === 'orderedList')).toHaveLength(1);
    expect(all.filter((node) => node.type === 'bulletList')).toHaveLength(1);
  });

  it('is the same document in every language, only the words differ', () => {
    const shape = (node: JSONContent): unknown => ({
      type: node.type,
      content: node.content?.filter((child) => child.type !== 'text').map(shape),
    });
    const english = shape(builtInTemplate('en') as JSONContent);
    for (const language of languageCodes) {
      expect(shape(builtInTemplate(language) as JSONContent)).toEqual(english);
    }
  });

  it('sets Arabic right to left, block by block; prompts are plain text in every language', () => {
    const all = nodes(builtInTemplate('ar') as JSONContent);
    const blocks = all.filter((node) =>
      ['paragraph', 'heading', 'listItem', 'tableCell', 'tableHeader'].includes(node.type ?? ''),
    );
    expect(blocks.length).toBeGreaterThan(20);
    expect(blocks.every((node) => node.attrs?.dir === 'rtl')).toBe(true);
    const english = nodes(builtInTemplate('en') as JSONContent);
    expect(english.some((node) => node.attrs?.dir)).toBe(false);
    // Text typed over a selected prompt takes its marks: an italic prompt makes an italic guide.
    for (const language of languageCodes) {
      expect(nodes(builtInTemplate(language) as JSONContent).some((node) => node.marks)).toBe(
        false,
      );
    }
  });
});
