import type { practiceSections } from '@draftroom/shared';
import {
  parliamentKey,
  practiceInputSchema,
  textProblem,
  textProblemMessage,
  type PracticeContent,
  type PracticeInput,
  type TemplateContent,
} from '@draftroom/shared';
import { DomainError } from '../../lib/domainError.ts';
import { checkedRichText } from '../templates/templateContent.ts';

const sectionLabels: Record<(typeof practiceSections)[number], string> = {
  whatWasDone: 'What was done',
  results: 'Results',
  lessons: 'Lessons learned',
};

/**
 * One rich-text section as stored: the guide's schema decides the nodes and marks (like a
 * template), a citation is refused (practices do not cite practices: a card inside a card, and
 * the citation table is about guides), and every text node follows the rules of a person's text
 * (no control or direction-override characters: they would reach public pages and exports).
 */
function checkedSection(
  section: (typeof practiceSections)[number],
  content: TemplateContent,
): TemplateContent {
  const label = sectionLabels[section];
  const checked = checkedRichText(content, {
    path: section,
    misfit: `${label} does not fit the editor: write it again in the practice form.`,
    unsafeLink: `A link in ${label} is not allowed.`,
    refusedNodes: ['practiceCitation'],
  });
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const { text, content: children } = node as { text?: unknown; content?: unknown };
    if (typeof text === 'string') texts.push(text);
    if (Array.isArray(children)) for (const child of children) walk(child);
  };
  walk(checked);
  for (const text of texts) {
    const problem = textProblem(text, { multiline: true });
    if (problem && problem !== 'no_visible_characters') {
      throw new DomainError('validation_failed', textProblemMessage(label, problem), [
        { path: section, message: textProblemMessage(label, problem) },
      ]);
    }
  }
  return checked;
}

/**
 * A practice's content from what a person sent, for the parliament it belongs to (decided by
 * the caller: a delegate's own, or the one an organiser named). The route's schema already
 * shaped the body; this parses it again (a service may be called from elsewhere) and checks the
 * rich text node by node.
 */
export function checkedPracticeContent(
  input: PracticeInput,
  owner: { parliament: string; country: string },
): PracticeContent {
  const parsed = practiceInputSchema.parse(input);
  const unique = <T>(values: T[]) => [...new Set(values)];
  return {
    title: parsed.title,
    parliament: owner.parliament,
    country: owner.country.toUpperCase(),
    audiences: unique(parsed.audiences),
    topics: unique(parsed.topics),
    summary: parsed.summary,
    whatWasDone: checkedSection('whatWasDone', parsed.whatWasDone),
    results: checkedSection('results', parsed.results),
    lessons: checkedSection('lessons', parsed.lessons),
    contact: parsed.contact,
    links: parsed.links,
    languages: unique(parsed.languages),
  };
}

export const keyOfContent = (content: PracticeContent) =>
  parliamentKey(content.parliament, content.country);
