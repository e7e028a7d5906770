import { languageDirection, type ExportLocale, type ExportNode } from './model.ts';
import { countryName, practiceLabels } from './practiceLabels.ts';

/** What an export shows for a cited practice, resolved by the server before rendering. */
export interface CitedPractice {
  title: string;
  parliament: string;
  /** ISO 3166-1 alpha-2 code. */
  country: string;
}

/** Cited id → its card (a merged practice's successor), or null when the export may not show it. */
export type CitationCards = Record<string, CitedPractice | null>;

const text = (value: string, marks?: ExportNode['marks']): ExportNode =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };

/**
 * A citation as the blocks every format already renders: a blockquote (the card's frame) with
 * the label in the export's language and direction, then "<title> — <parliament> (<country>)"
 * as its own paragraph, whose direction is its own text's (a French title in an Arabic export
 * stays left-to-right). People's text goes in as text nodes, so each format escapes it as it
 * escapes a guide's words.
 */
export function citationCard(
  card: CitedPractice | null | undefined,
  locale: ExportLocale,
): ExportNode {
  const labels = practiceLabels(locale);
  const labelDir = languageDirection(locale);
  if (!card) {
    return {
      type: 'blockquote',
      content: [
        {
          type: 'paragraph',
          attrs: { dir: labelDir },
          content: [text(labels.unavailable, [{ type: 'italic' }])],
        },
      ],
    };
  }
  const country = countryName(card.country, locale);
  const line = `${card.title} — ${card.parliament}${country ? ` (${country})` : ''}`;
  return {
    type: 'blockquote',
    content: [
      {
        type: 'paragraph',
        attrs: { dir: labelDir },
        content: [text(labels.colon(labels.goodPractice).trimEnd(), [{ type: 'bold' }])],
      },
      { type: 'paragraph', attrs: { dir: null }, content: [text(line)] },
    ],
  };
}

/**
 * The content with every `practiceCitation` atom replaced by its card, so the renderers need no
 * case of their own for it. Ids the book has no card for say the practice is not available.
 */
export function withCitationCards(
  node: ExportNode,
  cards: CitationCards,
  locale: ExportLocale,
): ExportNode {
  if (!node.content) return node;
  let changed = false;
  const content = node.content.map((child) => {
    if (child.type === 'practiceCitation') {
      changed = true;
      const id = child.attrs?.practiceId;
      return citationCard(
        typeof id === 'string' && Object.hasOwn(cards, id) ? cards[id] : null,
        locale,
      );
    }
    const next = withCitationCards(child, cards, locale);
    if (next !== child) changed = true;
    return next;
  });
  return changed ? { ...node, content } : node;
}
