import type { PracticeBookRecord, PracticeCardRecord } from '../../persistence/index.ts';
import type { CitationCards } from './citationCards.ts';
import { withCitationCards } from './citationCards.ts';
import {
  languageDirection,
  type ExportExtra,
  type ExportLocale,
  type ExportNode,
} from './model.ts';
import { countryName, practiceLabels } from './practiceLabels.ts';

/**
 * What an export may show for each practice of the event: an approved practice's card, a merged
 * one's successor if approved, nothing for the rest (submitted or sent back: not yet the
 * library's word, and the file leaves the app). The whole event's, not only the cited ids: the
 * ids are in the guides' states, which only the render worker decodes, and cards are small.
 */
export function exportableCards(practices: readonly PracticeCardRecord[]): CitationCards {
  const byId = new Map(practices.map((practice) => [practice.id, practice]));
  const cards: CitationCards = {};
  for (const practice of practices) {
    const shown = practice.status === 'merged' ? byId.get(practice.mergedInto ?? '') : practice;
    cards[practice.id] =
      shown?.status === 'approved'
        ? { title: shown.title, parliament: shown.parliament, country: shown.country }
        : null;
  }
  return cards;
}

const text = (value: string, marks?: ExportNode['marks']): ExportNode =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
/** A paragraph of people's text: its lines as hard breaks (the editor never writes "\n"). */
function paragraph(value: string, dir: 'ltr' | 'rtl' | null = null): ExportNode {
  const content = value
    .split(/\r\n|\r|\n/)
    .flatMap((line, index) => [
      ...(index > 0 ? [{ type: 'hardBreak' }] : []),
      ...(line === '' ? [] : [text(line)]),
    ]);
  return { type: 'paragraph', attrs: { dir }, ...(content.length > 0 ? { content } : {}) };
}
const heading = (level: 1 | 2 | 3, value: string, dir: 'ltr' | 'rtl' | null): ExportNode => ({
  type: 'heading',
  attrs: { level, dir },
  ...(value === '' ? {} : { content: [text(value)] }),
});
/** "Label: value", the label in the export's language and bold. */
function field(label: string, value: string, locale: ExportLocale): ExportNode {
  const labelText = practiceLabels(locale).colon(label);
  return {
    type: 'paragraph',
    attrs: { dir: languageDirection(locale) },
    // Without a value (a list follows), no trailing space: the schema's text is never blank.
    content: [
      text(value ? labelText : labelText.trimEnd(), [{ type: 'bold' }]),
      ...(value ? [text(value)] : []),
    ],
  };
}

/**
 * The compiled session export's annex "Good practices cited" (after the chapters): each cited
 * practice the export may show, once, in order of first citation, with its card, summary and the
 * chapters (groups) that cite it. Null when the guides cite none.
 */
export function citedPracticesAnnex(
  citing: readonly { chapterTitle: string; practiceIds: readonly string[] }[],
  practices: readonly PracticeCardRecord[],
  locale: ExportLocale,
): ExportExtra | null {
  const labels = practiceLabels(locale);
  const byId = new Map(practices.map((practice) => [practice.id, practice]));
  const cards = exportableCards(practices);
  /** Shown practice id → the chapters citing it (through any id that shows it). */
  const annex = new Map<string, { practice: PracticeCardRecord; chapters: string[] }>();
  for (const { chapterTitle, practiceIds } of citing) {
    for (const id of practiceIds) {
      const cited = byId.get(id);
      if (!cited || !cards[id]) continue;
      const shown = cited.status === 'merged' ? byId.get(cited.mergedInto ?? '') : cited;
      if (!shown) continue;
      const entry = annex.get(shown.id) ?? { practice: shown, chapters: [] };
      if (!entry.chapters.includes(chapterTitle)) entry.chapters.push(chapterTitle);
      annex.set(shown.id, entry);
    }
  }
  if (annex.size === 0) return null;
  const content: ExportNode[] = [];
  for (const { practice, chapters } of annex.values()) {
    content.push(
      heading(2, practice.title, null),
      field(labels.parliament, practice.parliament, locale),
      field(labels.country, countryName(practice.country, locale), locale),
      paragraph(practice.summary),
      field(labels.citedIn, '', locale),
      {
        type: 'bulletList',
        content: chapters.map((title) => ({ type: 'listItem', content: [paragraph(title)] })),
      },
    );
  }
  return { title: labels.annexTitle, content: { type: 'doc', content } };
}

/** A stored rich-text section, if it is a document (checked with the schema when it was saved). */
function sectionBlocks(json: string): ExportNode[] {
  try {
    const node = JSON.parse(json) as ExportNode;
    return node.type === 'doc' && Array.isArray(node.content) ? node.content : [];
  } catch {
    return [];
  }
}

/**
 * The library export's chapters: one per approved practice (its title as the heading, in the
 * contents), with its parliament, country and summary, then its three sections. A practice's
 * sections may cite other practices: those become cards like in a guide.
 */
export function libraryChapters(
  practices: readonly PracticeBookRecord[],
  cards: CitationCards,
  locale: ExportLocale,
): ExportExtra[] {
  const labels = practiceLabels(locale);
  if (practices.length === 0) {
    return [
      {
        title: labels.libraryTitle,
        content: { type: 'doc', content: [paragraph(labels.empty, languageDirection(locale))] },
      },
    ];
  }
  const sectionBody = (json: string): ExportNode[] =>
    withCitationCards({ type: 'doc', content: sectionBlocks(json) }, cards, locale).content ?? [];
  return practices.map((practice) => ({
    title: practice.title,
    content: {
      type: 'doc',
      content: [
        field(labels.parliament, practice.parliament, locale),
        field(labels.country, countryName(practice.country, locale), locale),
        heading(2, labels.summary, languageDirection(locale)),
        paragraph(practice.summary),
        heading(2, labels.sections.whatWasDone, languageDirection(locale)),
        ...sectionBody(practice.whatWasDone),
        heading(2, labels.sections.results, languageDirection(locale)),
        ...sectionBody(practice.results),
        heading(2, labels.sections.lessons, languageDirection(locale)),
        ...sectionBody(practice.lessons),
      ],
    },
  }));
}
