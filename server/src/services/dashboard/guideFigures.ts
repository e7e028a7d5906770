import * as Y from 'yjs';
import { guideFragmentName, type TemplateContent } from '@draftroom/shared';
import { collect, wordsInTexts } from '../documents/wordCount.ts';

/** A top-level block of a guide or template: a heading (with its level) or anything else. */
interface Block {
  heading: number | null;
  text: string;
}

/** A heading and the text of the blocks under it, up to the next heading. */
interface Section {
  heading: string;
  body: string;
}

/** What the dashboard shows of a guide's text, from one decode of its state. */
export interface GuideFigures {
  words: number;
  sections: { filled: number; total: number } | null;
}

const normal = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

function sectionsOf(blocks: readonly Block[]): Section[] {
  const sections: Section[] = [];
  for (const block of blocks) {
    if (block.heading !== null) sections.push({ heading: normal(block.text), body: '' });
    else if (sections.length > 0) {
      const last = sections[sections.length - 1]!;
      last.body = normal(`${last.body} ${block.text}`);
    }
  }
  return sections;
}

/** A node of a template's ProseMirror JSON, as far as sections need it. */
interface JsonNode {
  type?: unknown;
  text?: unknown;
  attrs?: { level?: unknown };
  content?: unknown[];
}

function jsonText(node: JsonNode): string {
  if (typeof node.text === 'string') return node.text;
  return (node.content ?? []).map((child) => jsonText(child as JsonNode)).join(' ');
}

/**
 * The sections a template asks for: its headings below the title (level 2 and deeper) when it
 * has any, else all of them, each with its prompt text (what the group is meant to replace).
 */
export function templateSections(content: TemplateContent): Section[] {
  const blocks: Block[] = (content.content ?? []).map((node) => {
    const child = node as JsonNode;
    const level = child.type === 'heading' ? Number(child.attrs?.level ?? 1) : null;
    return { heading: level, text: jsonText(child) };
  });
  const deeper = blocks.some((block) => block.heading !== null && block.heading >= 2);
  const all = sectionsOf(blocks);
  if (!deeper) return all;
  // Keep only sections under level ≥ 2 headings, in order.
  const wanted = new Set(
    blocks
      .filter((block) => block.heading !== null && block.heading >= 2)
      .map((b) => normal(b.text)),
  );
  return all.filter((section) => wanted.has(section.heading));
}

/**
 * Words in the guide, and how many of the template's sections are filled in: the guide still has
 * the heading, and the text under it is neither empty nor the template's own prompt.
 */
export function guideFigures(state: Uint8Array, template: readonly Section[]): GuideFigures {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return bodyFigures(doc.getXmlFragment(guideFragmentName), template);
  } finally {
    doc.destroy();
  }
}

/** The same figures read off a guide's body (the live one, through `readBody`): only reads. */
export function bodyFigures(body: Y.XmlFragment, template: readonly Section[]): GuideFigures {
  const blocks: Block[] = [];
  for (const child of body.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const texts: string[] = [];
    collect(child, texts);
    const level = child.nodeName === 'heading' ? Number(child.getAttribute('level') ?? 1) : null;
    blocks.push({ heading: level, text: texts.join(' ') });
  }
  const words = wordsInTexts(blocks.map((block) => block.text));
  if (template.length === 0) return { words, sections: null };
  const written = new Map(sectionsOf(blocks).map((section) => [section.heading, section.body]));
  const filled = template.filter((section) => {
    const under = written.get(section.heading);
    return under !== undefined && under !== '' && under !== section.body;
  }).length;
  return { words, sections: { filled, total: template.length } };
}
